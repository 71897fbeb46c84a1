import { defineConfig } from "vitest/config";

// Browser tests: playwright-core drives Debian's chromium against a real `wrangler dev` serving the
// built dashboard (npm run build:ui), with real receivers on 127.0.0.1. One file at a time: each
// starts its own gateway.
export default defineConfig({
  test: {
    name: "browser",
    environment: "node",
    include: ["test/browser/**/*.browser.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
