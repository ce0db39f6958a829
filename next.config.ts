import type { NextConfig } from "next";
import { staticHeaderRules } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native modules must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "sharp", "nodemailer", "pg", "pg-boss", "undici"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (tests included); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // API routes, gallery and public files get constant security headers here, without the proxy
  // (proxy.ts runs for pages only, which need a per-request nonce); lib/security/headers.ts.
  async headers() {
    return staticHeaderRules();
  },
};

export default nextConfig;
