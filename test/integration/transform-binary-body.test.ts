import { describe, expect, it } from "vitest";
import { created, ingest, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// A transformation that leaves a body alone must not change its bytes, whatever they are.

async function transformedPipeline(label: string, code: string) {
  const key = uniqueKey(label);
  const name = uniqueKey(label);
  const transformation = await created("/v1/transformations", { name, code });
  const source = await created("/v1/sources", { name });
  const destination = await created("/v1/destinations", { name, url: `${receiverUrl()}/ok/${key}` });
  await created("/v1/connections", { name, source_id: source.id, destination_id: destination.id, rules: [{ type: "transform", transformation_id: transformation.id }] });
  return { source, key };
}

const delivered = (key: string) => waitFor("delivery", async () => (await receiverRecords(key))[0]);
const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe("transformations and binary bodies", () => {
  it("a body that is not UTF-8 keeps its bytes when the code only changes headers", async () => {
    const { source, key } = await transformedPipeline("binary-headers", "addHandler('transform', (request) => { request.headers['x-touched'] = 'yes'; return request; });");
    const body = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]);
    expect((await ingest(source.id, { body, headers: { "content-type": "application/octet-stream" } })).status).toBe(200);
    const arrived = await delivered(key);
    expect(arrived.headers["x-touched"]).toBe("yes");
    expect(bytesOf(arrived.body_base64)).toEqual(body);
  });

  it("a text body the code replaces is sent as the code wrote it", async () => {
    const { source, key } = await transformedPipeline("binary-replaced", "addHandler('transform', (request) => ({ ...request, body: 'replaced ☃' }));");
    await ingest(source.id, { body: Uint8Array.from([0xff, 0xfe, 0xfd]) });
    expect(new TextDecoder().decode(bytesOf((await delivered(key)).body_base64))).toBe("replaced ☃");
  });
});
