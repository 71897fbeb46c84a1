import { beforeAll, describe, expect, it } from "vitest";
import { redactVerification, verificationSchema } from "../../../src/verify";
import { signedCases } from "./cases";

// Secrets are write-only (spec §2): what the admin API shows must contain no secret, at most its
// last 4 characters.

describe("redactVerification", () => {
  it("masks secret, secrets, passwords, tokens, keys, verify tokens and client states", () => {
    const shown = (config: unknown) => redactVerification(verificationSchema.parse(config));
    expect(shown({ type: "stripe", secret: "whsec_1234567890abcd" })).toEqual({ type: "stripe", secret: "••••abcd", tolerance_s: 300 });
    expect(shown({ type: "slack", secrets: ["old-signing-secret-wxyz", "short"] })).toEqual({
      type: "slack",
      secrets: ["••••wxyz", "••••"],
      tolerance_s: 300,
    });
    expect(shown({ type: "meta", secret: "app-secret-000000001", verify_token: "verify-token-4242" })).toMatchObject({
      secret: "••••0001",
      verify_token: "••••4242",
    });
    expect(shown({ type: "basic", username: "hooks", password: "correct-horse-battery" })).toEqual({ type: "basic", username: "hooks", password: "••••tery" });
    expect(shown({ type: "bearer", token: "tok_live_abcdefgh" })).toEqual({ type: "bearer", token: "••••efgh" });
    expect(shown({ type: "api_key", header: "x-api-key", key: "key_1234567890" })).toEqual({ type: "api_key", header: "x-api-key", key: "••••7890" });
    expect(shown({ type: "msgraph", client_state: "client-state-9876" })).toEqual({ type: "msgraph", client_state: "••••9876" });
  });

  it("keeps public keys and non-secret settings readable", () => {
    const key = "whpk_" + btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
    expect(redactVerification(verificationSchema.parse({ type: "standard_webhooks", public_key: key }))).toEqual({
      type: "standard_webhooks",
      public_key: key,
      tolerance_s: 300,
    });
  });

  describe("leaves no secret of any signed type in the output", () => {
    for (const testCase of signedCases) {
      it(testCase.name, async () => {
        const keys = await testCase.keys();
        const config = verificationSchema.parse(testCase.config([keys[0], keys[1]]));
        const shown = JSON.stringify(redactVerification(config));
        for (const key of keys.slice(0, 2)) {
          if (typeof key === "string") expect(shown).not.toContain(key.slice(0, -4));
        }
      });
    }
  });

  beforeAll(() => expect(signedCases.length).toBeGreaterThan(20));
});
