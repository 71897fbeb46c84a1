import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two projects: `workers` runs inside workerd (Miniflare) with the real D1, Queue and Durable Object
// bindings from wrangler.toml; `node` runs checks that need Node-only tools, such as the providers'
// official SDKs used as test oracles. The end-to-end suite has its own config (test/e2e).
export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  ADMIN_TOKEN: "test-admin-token",
                  // A development key, for tests only (docs/security.md).
                  ENCRYPTION_KEY: "qzYt+pvkCCGgg68xbBcSVcFUx1LIe1RQvHbb8p6HF/I=",
                  TEST_MIGRATIONS: migrations,
                  SOURCE_CACHE_TTL_MS: "0",
                  ALLOW_PRIVATE_DESTINATIONS: "true",
                },
              },
            }),
          ],
          test: {
            name: "workers",
            // Delivery tests wait for the real queue consumer and its retry delays.
            testTimeout: 30_000,
            // The Worker logs a JSON line per request and attempt; show them only for failed tests.
            silent: "passed-only",
            include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
            setupFiles: ["test/integration/apply-migrations.ts"],
            globalSetup: ["test/support/global-receiver.ts"],
          },
        },
        {
          test: {
            name: "node",
            environment: "node",
            include: ["test/node/**/*.test.ts"],
          },
        },
      ],
    },
  };
});
