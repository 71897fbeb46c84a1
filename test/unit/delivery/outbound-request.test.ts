import { describe, expect, it } from "vitest";
import { outboundRequest, outboundUrl } from "../../../src/delivery/outbound-request";

const base = {
  eventId: "evt_1",
  timestamp: 1_800_000_000,
  destination: { url: "https://dest.example/hooks", httpMethod: "POST", headers: {}, auth: null },
  request: { path: "", query: "", headers: {} as Record<string, string> },
};

describe("outboundRequest", () => {
  it("forwards the webhook's own headers and drops hop-by-hop and edge headers", () => {
    const { headers } = outboundRequest({
      ...base,
      request: {
        ...base.request,
        headers: {
          "content-type": "application/json", "stripe-signature": "t=1,v1=abc", connection: "keep-alive", "transfer-encoding": "chunked",
          host: "gw.example", "content-length": "10", "cf-connecting-ip": "1.2.3.4", "x-forwarded-for": "1.2.3.4", "user-agent": "Stripe/1.0",
          "webhook-id": "forged",
        },
      },
    });
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("stripe-signature")).toBe("t=1,v1=abc");
    for (const dropped of ["connection", "transfer-encoding", "host", "content-length", "cf-connecting-ip", "x-forwarded-for"]) {
      expect(headers.has(dropped)).toBe(false);
    }
    expect(headers.get("webhook-id")).toBe("evt_1");
    expect(headers.get("webhook-timestamp")).toBe("1800000000");
    expect(headers.get("user-agent")).toMatch(/^EventGateway\//);
  });

  it("lets destination headers override forwarded ones and adds the destination's auth", () => {
    const { headers, url, recordedUrl } = outboundRequest({
      ...base,
      destination: { ...base.destination, headers: { "x-env": "prod", "content-type": "text/plain" }, auth: { type: "api_key", key: "k123", query: "api_key" } },
      request: { ...base.request, headers: { "content-type": "application/json" } },
    });
    expect(headers.get("x-env")).toBe("prod");
    expect(headers.get("content-type")).toBe("text/plain");
    expect(url.searchParams.get("api_key")).toBe("k123");
    expect(recordedUrl).not.toContain("k123");

    const bearer = outboundRequest({ ...base, destination: { ...base.destination, auth: { type: "bearer", token: "t0k" } } });
    expect(bearer.headers.get("authorization")).toBe("Bearer t0k");
    const basic = outboundRequest({ ...base, destination: { ...base.destination, auth: { type: "basic", username: "u", password: "p" } } });
    expect(basic.headers.get("authorization")).toBe(`Basic ${btoa("u:p")}`);
    const custom = outboundRequest({ ...base, destination: { ...base.destination, auth: { type: "custom_header", name: "x-secret", value: "v" } } });
    expect(custom.headers.get("x-secret")).toBe("v");
  });

  it("names the credentials send() keeps from other origins: the auth's place and the destination's headers named like one", () => {
    const withHeaders = { ...base.destination, headers: { "x-env": "prod", "x-team-token": "s" } };
    const cases = [
      [{ type: "bearer", token: "t" }, { headers: ["x-team-token", "authorization"], query: [] }],
      [{ type: "basic", username: "u", password: "p" }, { headers: ["x-team-token", "authorization"], query: [] }],
      [{ type: "api_key", key: "k", header: "x-api-key" }, { headers: ["x-team-token", "x-api-key"], query: [] }],
      [{ type: "api_key", key: "k", query: "api_key" }, { headers: ["x-team-token"], query: ["api_key"] }],
      [{ type: "custom_header", name: "x-shared", value: "v" }, { headers: ["x-team-token", "x-shared"], query: [] }],
      [null, { headers: ["x-team-token"], query: [] }],
    ] as const;
    for (const [auth, credentials] of cases) {
      expect(outboundRequest({ ...base, destination: { ...withHeaders, auth: auth as never } }).credentials).toEqual(credentials);
    }
  });
});

describe("outboundUrl", () => {
  it.each([
    ["https://d.example/hooks", "", "", "https://d.example/hooks"],
    ["https://d.example/hooks", "/stripe/live", "", "https://d.example/hooks/stripe/live"],
    ["https://d.example/hooks/", "/a", "", "https://d.example/hooks/a"],
    ["https://d.example/hooks?token=1", "", "x=2&x=3", "https://d.example/hooks?token=1&x=2&x=3"],
    ["https://d.example", "/p", "q=%E2%9C%93", "https://d.example/p?q=%E2%9C%93"],
  ])("%s + %s + %s", (dest, path, query, expected) => {
    expect(outboundUrl(dest, path, query).toString()).toBe(expected);
  });
});
