import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";

// The dashboard's build: ui/ → ui/dist, served as the Worker's static assets (wrangler.toml [assets]).

const require = createRequire(import.meta.url);
const swaggerDist = dirname(require.resolve("swagger-ui-dist/package.json"));

/** Ships swagger-ui's script and styles with the assets, so that /docs needs no CDN. */
function swaggerAssets(): Plugin {
  return {
    name: "swagger-ui-assets",
    apply: "build",
    generateBundle() {
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
        this.emitFile({ type: "asset", fileName: `swagger/${file}`, source: readFileSync(join(swaggerDist, file)) });
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact(), swaggerAssets()],
  build: { outDir: "dist", emptyOutDir: true, modulePreload: { polyfill: false } },
});
