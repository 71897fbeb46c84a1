import { describe, expect, it } from "vitest";
import { providerEventId } from "../../../src/observability/provider-event-id";

// Which id ingest stores for ?provider_event_id=: a per-event header first, else a body field that
// depends on the source's verification type.

const body = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("providerEventId", () => {
  it.each([
    ["x-github-delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"],
    ["X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"],
    ["webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"],
    ["svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
    ["x-gitlab-event-uuid", "13792a34-cac6-4fda-95a8-c58e00a3954e"],
  ])("reads the %s header", (name, value) => {
    expect(providerEventId(null, new Headers({ [name]: value }), null)).toBe(value);
  });

  it("reads the body field of the source's verification type", () => {
    expect(providerEventId("stripe", new Headers(), body({ id: "evt_1", data: { object: { id: "pi_1" } } }))).toBe("evt_1");
    expect(providerEventId("slack", new Headers(), body({ event_id: "Ev08MFMKH6" }))).toBe("Ev08MFMKH6");
    expect(providerEventId("mailgun", new Headers(), body({ "event-data": { id: "CPgfbmQMTCKtHW6uIWtuVe" } }))).toBe("CPgfbmQMTCKtHW6uIWtuVe");
  });

  it("prefers the header to the body", () => {
    expect(providerEventId("stripe", new Headers({ "webhook-id": "msg_1" }), body({ id: "evt_1" }))).toBe("msg_1");
  });

  it.each([
    ["no verification type", null, body({ id: "evt_1" })],
    ["a type with no body id", "github", body({ id: "evt_1" })],
    ["a body that is not JSON", "stripe", new TextEncoder().encode("id=evt_1")],
    ["a non-string id", "stripe", body({ id: 42 })],
    ["an empty id", "stripe", body({ id: "" })],
    ["an id over 200 characters", "stripe", body({ id: "e".repeat(201) })],
    ["a JSON array", "stripe", body([{ id: "evt_1" }])],
    ["no body", "stripe", null],
  ])("finds none with %s", (_, type, bytes) => {
    expect(providerEventId(type, new Headers(), bytes)).toBeNull();
  });

  it("skips a header too long to be an id", () => {
    expect(providerEventId("stripe", new Headers({ "webhook-id": "x".repeat(201) }), body({ id: "evt_1" }))).toBe("evt_1");
  });
});
