import type { NextConfig } from "next";

// The CSP itself is per response (it carries a script nonce): see proxy.ts and lib/http/csp.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Compat: a NEXT_PUBLIC_API_URL given at build time still counts when none is set at run time
  // (lib/http/api-url.ts); API_URL at run time is the way now.
  env: { TASKS_BUILD_API_URL: process.env.NEXT_PUBLIC_API_URL ?? "" },
  poweredByHeader: false,
  // The set-up script runs outside Next; pg stays a plain Node dependency.
  serverExternalPackages: ["pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
