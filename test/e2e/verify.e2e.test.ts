import { sign as githubSign } from "@octokit/webhooks-methods";
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for";
import { gatewayAndReceiver } from "./fixture";

// Source verification in the real runtime, with requests signed by the providers' own SDKs.

const e2e = gatewayAndReceiver();

async function verifiedSource(name: string, verification: unknown) {
  const source = await e2e.gateway.admin("POST", "/v1/sources", { name, verification });
  expect(source.status).toBe(201);
  const destination = await e2e.gateway.admin("POST", "/v1/destinations", { name, url: `${e2e.receiver.url}/ok/${name}` });
  await e2e.gateway.admin("POST", "/v1/connections", { name, source_id: source.json.id, destination_id: destination.json.id });
  return source.json;
}

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

async function requestRecord(id: string) {
  return (await e2e.gateway.admin("GET", `/v1/requests/${id}`)).json;
}

describe("source verification under wrangler dev", () => {
  it("Stripe: a request signed by stripe-node passes and is delivered; a tampered one gets 401", async () => {
    const secret = "whsec_e2e_stripe_secret_0123456789";
    const source = await verifiedSource("stripe", { type: "stripe", secret });
    const body = JSON.stringify({ id: "evt_1", type: "payment_intent.succeeded" });
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const ok = await post(source.url, body, { "stripe-signature": header });
    expect(ok.status).toBe(200);
    const { request_id } = (await ok.json()) as any;
    expect((await requestRecord(request_id)).verified).toBe(true);
    await waitFor("delivery", async () => (e2e.receiver.records.get("stripe")?.length ?? 0) === 1, 30_000);

    const bad = await post(source.url, body.replace("succeeded", "failed"), { "stripe-signature": header });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(await bad.json())).not.toContain(secret);
  });

  it("GitHub: X-Hub-Signature-256 from @octokit/webhooks-methods passes; another secret fails", async () => {
    const source = await verifiedSource("github", { type: "github", secret: "It's a Secret to Everybody" });
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const good = await post(source.url, body, { "x-hub-signature-256": await githubSign("It's a Secret to Everybody", body), "x-github-event": "ping" });
    expect(good.status).toBe(200);
    const bad = await post(source.url, body, { "x-hub-signature-256": await githubSign("not the secret", body) });
    expect(bad.status).toBe(401);
    const rejected = await waitFor("recorded rejection", async () => {
      const list = await e2e.gateway.admin("GET", `/v1/requests?source_id=${source.id}&rejection=verification_failed`);
      return list.json.data[0];
    }, 30_000);
    expect(rejected).toMatchObject({ verified: false, rejection: "verification_failed", rejection_detail: "signature mismatch" });
  });

  it("Slack: the url_verification handshake is answered with the challenge", async () => {
    const secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const source = await verifiedSource("slack", { type: "slack", secret });
    const body = JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
    const res = await post(source.url, body, { "x-slack-signature": signature, "x-slack-request-timestamp": ts });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

    const stale = String(Math.floor(Date.now() / 1000) - 600);
    const old = await post(source.url, body, { "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${stale}:${body}`).digest("hex")}`, "x-slack-request-timestamp": stale });
    expect(old.status).toBe(401);
  });

  it("Standard Webhooks: signed by the official library with the second of two rotating secrets", async () => {
    const oldSecret = `whsec_${Buffer.from("an old secret that is rotating out").toString("base64")}`;
    const newSecret = `whsec_${Buffer.from("the new secret that takes over now").toString("base64")}`;
    const source = await verifiedSource("stdwh", { type: "standard_webhooks", secrets: [oldSecret, newSecret] });
    const body = JSON.stringify({ type: "user.created", data: { id: "u_1" } });
    const id = "msg_e2e_1";
    const at = new Date();
    const signature = new Webhook(newSecret).sign(id, at, body);
    const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
    expect((await post(source.url, body, headers)).status).toBe(200);
    const forged = new Webhook(`whsec_${Buffer.from("somebody else entirely, not ours!").toString("base64")}`).sign(id, at, body);
    expect((await post(source.url, body, { ...headers, "webhook-signature": forged })).status).toBe(401);
    await waitFor("delivery", async () => (e2e.receiver.records.get("stdwh")?.length ?? 0) === 1, 30_000);
  });
});
