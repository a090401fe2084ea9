import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**"],
    environment: "node",
    // Sign-in tests run Better Auth's real scrypt password hashing many times: seconds of CPU on
    // a busy 2-core machine, so the 5 s default cuts them off mid-way. Not a timing assertion.
    testTimeout: 30_000,
  },
});
