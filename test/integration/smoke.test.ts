import { env, SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("serves the OpenAPI document", async () => {
  const res = await SELF.fetch("http://gw.test/openapi.json");
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string };
  expect(doc.openapi).toBe("3.1.0");
  const tables = await env.DB.prepare("select name from sqlite_master where type='table' and name='events'").all();
  expect(tables.results).toHaveLength(1);
});
