import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "sharp", "nodemailer", "pg", "pg-boss"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (tests included); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Everything else gets its headers from proxy.ts; Next's hashed build assets skip the proxy.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
