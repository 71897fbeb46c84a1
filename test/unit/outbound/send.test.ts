import { describe, expect, it } from "vitest";
import { classify } from "../../../src/outbound/send";

describe("classify", () => {
  it.each([
    ["TypeError: connect ECONNREFUSED 127.0.0.1:9", "connection_refused"],
    ["Error: Network connection lost.", "connection_lost"],
    ["Error: DNS lookup failed", "dns"],
    ["Error: TLS handshake failed: certificate has expired", "tls"],
    ["Error: The operation timed out", "timeout"],
    ["Error: something else", "network"],
  ])("%s → %s", (message, expected) => {
    expect(classify(new Error(message.replace(/^\w+: /, "")))).toBe(expected);
  });
});
