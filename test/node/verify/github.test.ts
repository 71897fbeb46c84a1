import { sign, verify as octokitVerify } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { MISMATCH, payload, verify, VERIFIED } from "./support";

// Oracle: @octokit/webhooks-methods, GitHub's own JS signer.

describe("github, signed by @octokit/webhooks-methods", () => {
  it("verifies the SDK's signature and rejects a tampered body, as the SDK does", async () => {
    const secret = "octokit-oracle-secret";
    const body = payload();
    const signature = await sign(secret, body);
    expect(await verify({ type: "github", secret }, { body, headers: { "x-hub-signature-256": signature } })).toEqual(VERIFIED);

    const tampered = body.replace("eur", "usd");
    expect(await octokitVerify(secret, tampered, signature)).toBe(false);
    expect(await verify({ type: "github", secret }, { body: tampered, headers: { "x-hub-signature-256": signature } })).toEqual(MISMATCH);
  });

  it("matches the SDK on the published docs vector", async () => {
    expect(await sign("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("accepts the SDK's signature under the second of rotating secrets", async () => {
    const body = payload();
    const signature = await sign("new-secret", body);
    expect(await verify({ type: "github", secrets: ["old-secret", "new-secret"] }, { body, headers: { "x-hub-signature-256": signature } })).toEqual(VERIFIED);
  });
});
