import { describe, expect, it } from "vitest";
import { admin, created, ingest, uniqueKey, waitFor } from "./gateway";
import { hex, mac } from "../unit/verify/support";

// The verify module's contract with the rest of the Worker, exercised through its fetch handler:
// zod issues named in the admin API's 400, secrets masked on read, verdicts recorded by ingest, and
// handshakes answered before the method check.

const STRIPE_SECRET = "whsec_through_ingest_9f3a";

async function stripeHeader(body: string, secret = STRIPE_SECRET) {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${hex(await mac("SHA-256", secret, `${t}.${body}`))}`;
}

describe("verification through the admin API and ingest", () => {
  it("answers 400 naming the verification field", async () => {
    const res = await admin("POST", "/v1/sources", { name: uniqueKey("v"), verification: { type: "stripe" } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain("verification.secret");
  });

  it("masks secrets when a source is read back", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("v"), verification: { type: "stripe", secret: STRIPE_SECRET } });
    const read = await admin("GET", `/v1/sources/${source.id}`);
    expect(read.json.verification).toEqual({ type: "stripe", secret: "••••9f3a", tolerance_s: 300 });
    expect(JSON.stringify(read.json)).not.toContain("through_ingest");
  });

  it("accepts a signed request as verified and records a forged one with its reason", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("v"), verification: { type: "stripe", secret: STRIPE_SECRET } });
    const body = '{"id":"evt_through_ingest","type":"charge.succeeded"}';
    const ok = await ingest(source.id, { body, headers: { "stripe-signature": await stripeHeader(body) } });
    expect(ok.status).toBe(200);

    const forged = await ingest(source.id, { body, headers: { "stripe-signature": await stripeHeader(body, "whsec_guess") } });
    expect(forged.status).toBe(401);
    const problem = await forged.text();
    expect(problem).not.toContain("signature mismatch");
    expect(problem).not.toContain(STRIPE_SECRET);

    const rows = await waitFor("both requests recorded", async () => {
      const list = await admin("GET", `/v1/requests?source_id=${source.id}`);
      return list.json.data.length === 2 ? list.json.data : null;
    });
    const byVerdict = Object.fromEntries(rows.map((r: { verified: boolean }) => [String(r.verified), r]));
    expect(byVerdict.true).toMatchObject({ rejection: null });
    expect(byVerdict.false).toMatchObject({ rejection: "verification_failed", rejection_detail: "signature mismatch" });
  });

  it("answers Meta's GET handshake although the source only allows POST", async () => {
    const source = await created("/v1/sources", {
      name: uniqueKey("v"),
      allowed_methods: ["POST"],
      verification: { type: "meta", secret: "meta-app-secret", verify_token: "meta-verify" },
    });
    const query = "?hub.mode=subscribe&hub.verify_token=meta-verify&hub.challenge=4242";
    const res = await ingest(source.id, { method: "GET", path: query });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("4242");
  });
});
