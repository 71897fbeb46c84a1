import { defineConfig } from "vitest/config";

// End-to-end tests: Node drives a real `wrangler dev` (workerd with local D1, Queues and cron) and
// real HTTP receivers on 127.0.0.1. Files run one at a time: each starts its own wrangler dev.
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["test/e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
