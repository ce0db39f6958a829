import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "sharp", "nodemailer"],
  poweredByHeader: false,
};

export default nextConfig;
