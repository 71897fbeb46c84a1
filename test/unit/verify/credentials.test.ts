import { describe, expect, it } from "vitest";
import { answerHandshake, verifyRequest } from "../../../src/verify";
import { input, verify } from "./support";

// Types that check a shared credential rather than a signature over the body.

const basicHeader = (user: string, password: string) => ({ authorization: `Basic ${btoa(`${user}:${password}`)}` });

describe.each(["basic", "postmark"])("%s", (type) => {
  const config = { type, username: "hooks", password: "s3cret-pass:word" };

  it("accepts the right username and password (a colon in the password is fine)", async () => {
    expect(await verify(config, { headers: basicHeader("hooks", "s3cret-pass:word") })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { headers: { authorization: `basic  ${btoa("hooks:s3cret-pass:word")}` } })).toEqual({ ok: true, verified: true });
  });

  it("rejects a wrong password or username", async () => {
    expect(await verify(config, { headers: basicHeader("hooks", "guess") })).toEqual({ ok: false, reason: "credentials mismatch" });
    expect(await verify(config, { headers: basicHeader("admin", "s3cret-pass:word") })).toEqual({ ok: false, reason: "credentials mismatch" });
  });

  it("names a missing or malformed authorization header", async () => {
    expect(await verify(config, {})).toEqual({ ok: false, reason: "missing header authorization" });
    expect(await verify(config, { headers: { authorization: "Bearer abc" } })).toEqual({
      ok: false,
      reason: "malformed header authorization (expected Basic credentials)",
    });
  });
});

describe("bearer", () => {
  const config = { type: "bearer", token: "tok_live_8a7b6c5d4e3f" };
  it("accepts the token and rejects another", async () => {
    expect(await verify(config, { headers: { authorization: "Bearer tok_live_8a7b6c5d4e3f" } })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { headers: { authorization: "Bearer tok_live_8a7b6c5d4e30" } })).toEqual({ ok: false, reason: "token mismatch" });
    expect(await verify(config, {})).toEqual({ ok: false, reason: "missing header authorization" });
  });
});

describe("gitlab", () => {
  const config = { type: "gitlab", secrets: ["gitlab-old-token", "gitlab-new-token"] };
  it("accepts any configured token in X-Gitlab-Token and rejects others", async () => {
    expect(await verify(config, { headers: { "x-gitlab-token": "gitlab-new-token" } })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { headers: { "x-gitlab-token": "gitlab-old-token" } })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { headers: { "x-gitlab-token": "gitlab-new-token2" } })).toEqual({ ok: false, reason: "token mismatch" });
    expect(await verify(config, {})).toEqual({ ok: false, reason: "missing header x-gitlab-token" });
  });
});

describe("api_key", () => {
  it("reads the key from a header (name case-insensitive)", async () => {
    const config = { type: "api_key", header: "X-Api-Key", key: "key_1234567890" };
    expect(await verify(config, { headers: { "x-api-key": "key_1234567890" } })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { headers: { "x-api-key": "key_0000000000" } })).toEqual({ ok: false, reason: "key mismatch" });
    expect(await verify(config, {})).toEqual({ ok: false, reason: "missing header x-api-key" });
  });

  it("reads the key from a query parameter", async () => {
    const config = { type: "api_key", query: "api_key", key: "key_1234567890" };
    expect(await verify(config, { url: "https://hooks.example.com/e/src_1?api_key=key_1234567890" })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { url: "https://hooks.example.com/e/src_1?api_key=nope" })).toEqual({ ok: false, reason: "key mismatch" });
    expect(await verify(config, {})).toEqual({ ok: false, reason: "missing query parameter api_key" });
  });
});

describe("msgraph", () => {
  const notification = (states: string[]) => JSON.stringify({ value: states.map((clientState) => ({ clientState, changeType: "created" })) });

  it("passes every notification whose clientState matches, and names the first that does not", async () => {
    const config = { type: "msgraph", client_state: "secretClientValue-123" };
    expect(await verify(config, { body: notification(["secretClientValue-123", "secretClientValue-123"]) })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { body: notification(["secretClientValue-123", "other"]) })).toEqual({
      ok: false,
      reason: "clientState mismatch at value[1]",
    });
    expect(await verify(config, { body: "not json" })).toEqual({ ok: false, reason: "body has no value[] notifications" });
  });

  it("accepts but does not mark verified without a client_state", async () => {
    expect(await verify({ type: "msgraph" }, { body: notification(["anything"]) })).toEqual({ ok: true, verified: false });
  });
});

describe("none and null", () => {
  it("accept everything unverified and answer no handshake", async () => {
    expect(await verify({ type: "none" }, {})).toEqual({ ok: true, verified: false });
    expect(await verifyRequest(null, input())).toEqual({ ok: true, verified: false });
    expect(await answerHandshake(null, input({ method: "GET", url: "https://h.example/e/s?validationToken=x" }))).toBeNull();
  });
});
