import { describe, expect, it } from "vitest";
import { exportPlaceholders, keepMasked, placeholderFor, shapeLive } from "../../../cli/config-file/shape";
import { liveConfig } from "./fixtures";

describe("export shaping", () => {
  it("writes every masked secret as a ${VAR} named after the object and field", () => {
    const doc = shapeLive(liveConfig(), exportPlaceholders);
    expect(doc.sources.find((s) => s.name === "stripe-prod")!.verification).toEqual({ type: "stripe", secret: "${STRIPE_PROD_VERIFICATION_SECRET}", tolerance_s: 300 });
    expect(doc.destinations[0]).toMatchObject({
      auth: { type: "bearer", token: "${BILLING_AUTH_TOKEN}" },
      signing: { type: "standard_webhooks", secrets: ["${BILLING_SIGNING_SECRETS_1}"] },
      headers: { "x-team": "payments" },
    });
    expect(doc.transformations[0]!.env).toEqual({ API_TOKEN: "${ADD_HEADER_ENV_API_TOKEN}" });
    expect(doc.notification_channels).toEqual([{ type: "slack", url: "${NOTIFICATION_SLACK_1_URL}" }]);
    expect(JSON.stringify(doc)).not.toContain("••••");
  });

  it("names a connection's source, destination and transformations, and turns disabled_at into disabled", () => {
    const [connection] = shapeLive(liveConfig(), exportPlaceholders).connections;
    expect(connection).toEqual({
      name: "stripe-to-billing", source: "stripe-prod", destination: "billing", disabled: true,
      rules: [{ type: "transform", transformation: "add-header" }, { type: "delay", delay_ms: 1000 }],
    });
  });

  it("lists objects oldest first (by id) and drops ids and timestamps", () => {
    const doc = shapeLive(liveConfig(), keepMasked);
    expect(doc.sources.map((s) => s.name)).toEqual(["plain", "stripe-prod"]);
    expect(Object.keys(doc.sources[0]!)).toEqual(["name", "allowed_methods", "verification", "response", "disabled"]);
  });

  it("keeps the masks as shown when asked (apply compares with them)", () => {
    expect(shapeLive(liveConfig(), keepMasked).destinations[0]!.auth).toEqual({ type: "bearer", token: "••••wxyz" });
  });

  it("makes environment variable names from any object name", () => {
    expect(placeholderFor(["my.source-1", "verification", "secrets", 0])).toBe("${MY_SOURCE_1_VERIFICATION_SECRETS_1}");
    expect(placeholderFor(["3ds", "auth", "token"])).toBe("${_3DS_AUTH_TOKEN}");
  });
});
