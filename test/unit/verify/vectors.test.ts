import { describe, expect, it } from "vitest";
import { verify } from "./support";

// Signatures published by the providers themselves, so our reading of each scheme is checked
// against theirs rather than against our own signer.

describe("published test vectors", () => {
  it("GitHub: the example in 'Validating webhook deliveries'", async () => {
    const config = { type: "github", secret: "It's a Secret to Everybody" };
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(await verify(config, { body: "Hello, World!", headers: { "x-hub-signature-256": signature } })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { body: "Hello, World?", headers: { "x-hub-signature-256": signature } })).toEqual({
      ok: false,
      reason: "signature mismatch",
    });
  });

  it("Slack: the slash-command example in 'Verifying requests from Slack'", async () => {
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
      "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
      "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const headers = {
      "x-slack-request-timestamp": "1531420618",
      "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    };
    const config = { type: "slack", secret: "8f742231b10e8888abcd99yyyzzz85a5" };
    expect(await verify(config, { body, headers, now: 1531420618_000 })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { body, headers, now: 1531420618_000 + 301_000 })).toEqual({
      ok: false,
      reason: "timestamp outside tolerance (301 s)",
    });
  });

  it("Svix: the example in 'Verifying webhooks manually' (also a Standard Webhooks signature)", async () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    const request = (prefix: string) => ({
      body,
      now: 1614265330_000,
      headers: {
        [`${prefix}-id`]: "msg_p5jXN8AQM9LWM0D4loKWxJek",
        [`${prefix}-timestamp`]: "1614265330",
        [`${prefix}-signature`]: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      },
    });
    expect(await verify({ type: "svix", secret }, request("svix"))).toEqual({ ok: true, verified: true });
    expect(await verify({ type: "standard_webhooks", secret }, request("webhook"))).toEqual({ ok: true, verified: true });
    // Several entries in one header: one valid among unknown versions and wrong signatures passes.
    const mixed = request("webhook");
    mixed.headers["webhook-signature"] = "v2,abc v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    expect(await verify({ type: "standard_webhooks", secret }, mixed)).toEqual({ ok: true, verified: true });
  });

  // From @sendgrid/eventwebhook's own spec: a real SendGrid key, signature and payload.
  const SENDGRID_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
  const SENDGRID_BODY =
    JSON.stringify([
      {
        email: "hello@world.com",
        event: "dropped",
        reason: "Bounced Address",
        sg_event_id: "ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA",
        sg_message_id: "LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0",
        "smtp-id": "<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>",
        timestamp: 1600112492,
      },
    ]) + "\r\n";
  const sendgridHeaders = {
    "x-twilio-email-event-webhook-signature": "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
    "x-twilio-email-event-webhook-timestamp": "1600112502",
  };

  it("SendGrid: the signed event in @sendgrid/eventwebhook's spec (DER signature, SPKI key)", async () => {
    const config = { type: "sendgrid", public_key: SENDGRID_KEY };
    expect(await verify(config, { body: SENDGRID_BODY, headers: sendgridHeaders, now: 1600112502_000 })).toEqual({ ok: true, verified: true });
  });

  it("SendGrid: the same event fails when a byte changes, or without its trailing CRLF", async () => {
    const config = { type: "sendgrid", public_key: SENDGRID_KEY };
    const now = 1600112502_000;
    expect(await verify(config, { body: SENDGRID_BODY.replace("dropped", "Dropped"), headers: sendgridHeaders, now })).toEqual({
      ok: false,
      reason: "signature mismatch",
    });
    expect(await verify(config, { body: SENDGRID_BODY.trimEnd(), headers: sendgridHeaders, now })).toEqual({ ok: false, reason: "signature mismatch" });
  });
});
