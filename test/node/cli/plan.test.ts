import { describe, expect, it } from "vitest";
import type { ConfigDocument } from "../../../cli/config-file/document";
import { resolveEnvRefs } from "../../../cli/config-file/env-refs";
import { computePlan, covers, type Step } from "../../../cli/config-file/plan";
import { exportPlaceholders, shapeLive } from "../../../cli/config-file/shape";
import { liveConfig, SECRETS } from "./fixtures";

// The file an export of liveConfig() gives, with the secrets behind its masks filled in.
const exported = (): ConfigDocument => resolveEnvRefs(shapeLive(liveConfig(), exportPlaceholders), SECRETS, "c.yaml");
const summary = (plan: Step[]) => plan.map((s) => `${s.action} ${s.kind} ${s.name}${s.fields.length ? ` (${s.fields.join(",")})` : ""}`);

describe("apply's plan", () => {
  it("plans nothing for the file export wrote (secrets compared by their masks)", () => {
    expect(computePlan(exported(), liveConfig()).filter((s) => s.action !== "unchanged")).toEqual([]);
  });

  it("creates, updates and deletes by name, naming the changed fields", () => {
    const doc = exported();
    doc.destinations[0]!.timeout_ms = 5000;
    doc.sources = doc.sources.filter((s) => s.name !== "plain");
    doc.transformations.push({ name: "strip", code: "addHandler('transform', (r) => r)", env: {} });
    expect(summary(computePlan(doc, liveConfig()))).toEqual([
      "unchanged transformations add-header",
      "create transformations strip",
      "unchanged sources stripe-prod",
      "delete sources plain",
      "update destinations billing (timeout_ms)",
      "unchanged connections stripe-to-billing",
      "unchanged notification_channels slack https://hooks.slack.com/••••XXXX",
    ]);
  });

  it("sees a secret change when what the API shows of it changes", () => {
    const doc = exported();
    (doc.destinations[0]!.auth as { token: string }).token = "token-0123456789-ZZZZ";
    (doc.transformations[0]!.env as Record<string, string>).API_TOKEN = "short";
    expect(summary(computePlan(doc, liveConfig())).filter((s) => !s.startsWith("unchanged"))).toEqual([
      "update transformations add-header (env)",
      "update destinations billing (auth)",
    ]);
  });

  it("leaves fields the file does not give as they are, but compares headers and env keys exactly", () => {
    const doc = exported();
    doc.sources[1] = { name: "stripe-prod", verification: { type: "stripe", secret: SECRETS.STRIPE_PROD_VERIFICATION_SECRET } };
    doc.destinations[0] = { name: "billing", headers: {} };
    expect(summary(computePlan(doc, liveConfig())).filter((s) => !s.startsWith("unchanged"))).toEqual(["update destinations billing (headers)"]);
  });

  it("replaces a connection moved to another source (the API cannot move one)", () => {
    const doc = exported();
    doc.connections[0]!.source = "plain";
    const step = computePlan(doc, liveConfig()).find((s) => s.kind === "connections")!;
    expect(step).toMatchObject({ action: "replace", id: "con_01", fields: ["source"] });
  });

  it("matches channels by type, URL and routing key, and updates a webhook channel's secret", () => {
    const live = liveConfig();
    live.notification_channels.push({ ...live.notification_channels[0]!, id: "nch_02", type: "webhook", url: "https://ops.example/hook", secret: "••••" });
    const doc = exported();
    doc.notification_channels = [
      { type: "webhook", url: "https://ops.example/hook", secret: "whsec_bmV3c2VjcmV0bmV3c2VjcmV0" },
      { type: "pagerduty", url: "https://events.pagerduty.com/v2/enqueue", routing_key: "R0UTINGKEY" },
    ];
    expect(summary(computePlan(doc, live)).filter((s) => s.includes("notification"))).toEqual([
      "update notification_channels webhook https://ops.example/hook (secret)",
      "create notification_channels pagerduty https://events.pagerduty.com/v2/enqueue ••••",
      "delete notification_channels slack https://hooks.slack.com/••••XXXX",
    ]);
  });

  it("refuses a connection naming an object the file does not define, before any call", () => {
    const doc = exported();
    doc.connections[0]!.rules = [{ type: "transform", transformation: "gone" }];
    expect(() => computePlan(doc, liveConfig())).toThrow('connections.0.rules.0.transformation: no transformation named "gone" in the file');
    doc.connections[0]!.destination = "nowhere";
    expect(() => computePlan(doc, liveConfig())).toThrow('connections.0.destination: no destination named "nowhere" in the file');
  });

  it("compares nested objects by the fields the file gives, arrays by length and order", () => {
    expect(covers({ type: "stripe" }, { type: "stripe", tolerance_s: 300 })).toBe(true);
    expect(covers({ type: "stripe", tolerance_s: 60 }, { type: "stripe", tolerance_s: 300 })).toBe(false);
    expect(covers(["a"], ["a", "b"])).toBe(false);
    expect(covers(null, { type: "stripe" })).toBe(false);
  });
});
