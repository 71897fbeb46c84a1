import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ROOT } from "../e2e/wrangler-dev";
import { API_TYPES_FILE, apiTypesFor } from "../../scripts/api-types";
import { browserFixture, screenshot } from "./browser";

// What the Worker serves besides the API: the dashboard's assets under a strict CSP, swagger-ui at
// /docs without a CDN, and the typed client generated from the /openapi.json it serves.

/** The most JavaScript a first page load may need, compressed (issue 12). */
const FIRST_LOAD_BUDGET = 200 * 1024;

describe("served by the Worker", () => {
  const f = browserFixture();

  it("the committed API types are generated from the /openapi.json the Worker serves (npm run api:types)", async () => {
    const document = await (await fetch(`${f.gateway.url}/openapi.json`)).json();
    const committed = readFileSync(join(ROOT, API_TYPES_FILE), "utf8");
    expect(committed === (await apiTypesFor(document)), `${API_TYPES_FILE} is stale: run npm run api:types`).toBe(true);
  });

  it("loads the dashboard and /docs from this origin only, under a CSP without inline script", async () => {
    const { page, gateway } = f;
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    const scripts: { url: string; gzip: number }[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script" && response.status() === 200) scripts.push({ url: response.url(), gzip: gzipSync(await response.body()).length });
    });

    const home = await page.goto(`${gateway.url}/`);
    expect(home!.headers()["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
    await page.getByLabel("API key").waitFor();
    const firstLoad = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`first-load JavaScript: ${scripts.map((s) => `${new URL(s.url).pathname} ${(s.gzip / 1024).toFixed(1)} KB`).join(", ")}; total ${(firstLoad / 1024).toFixed(1)} KB gzip`);
    expect(firstLoad).toBeGreaterThan(0);
    expect(firstLoad).toBeLessThan(FIRST_LOAD_BUDGET);

    const docs = await page.goto(`${gateway.url}/docs`);
    expect(docs!.headers()["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
    await page.getByRole("heading", { name: /Event Gateway admin API/ }).waitFor();
    await page.getByText("/v1/sources").first().waitFor();
    await screenshot(page, "docs");
    expect([...origins]).toEqual([gateway.url]);
  });

  it("answers the app for any page URL, and the API's 404 for unknown API paths", async () => {
    const { gateway } = f;
    const page = await fetch(`${gateway.url}/replays/rpl_123`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const api = await fetch(`${gateway.url}/v1/nothing-here`, { headers: { authorization: "Bearer e2e-admin-token" } });
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
  });
});
