import { beforeAll, describe, expect, it } from "vitest";
import { bodyTamper, signedCases, type SignedCase } from "./cases";
import { NOW, verify } from "./support";

// The same six checks for every signature type (issue 3, item 6): valid passes, tampered body
// fails, wrong key fails, stale (and future) timestamps fail, a rotated key passes, and a missing
// header is named.

describe.each(signedCases.map((c) => [c.name, c] as const))("%s", (_name, testCase: SignedCase<unknown>) => {
  let keys: [unknown, unknown, unknown];
  beforeAll(async () => {
    keys = await testCase.keys();
  });
  const [current, next, unknown] = [0, 1, 2] as const;

  it("accepts a request signed with the configured key", async () => {
    const request = await testCase.sign(keys[current], NOW);
    expect(await verify(testCase.config([keys[current]]), request)).toEqual({ ok: true, verified: true });
  });

  it("rejects a tampered body", async () => {
    const request = await testCase.sign(keys[current], NOW);
    const tampered = (testCase.tamper ?? bodyTamper)(request);
    expect(tampered.body).not.toEqual(request.body);
    const reason = testCase.tamperReason ?? "signature mismatch";
    expect(await verify(testCase.config([keys[current]]), tampered)).toEqual({ ok: false, reason });
  });

  it("rejects a request signed with another key", async () => {
    const request = await testCase.sign(keys[unknown], NOW);
    expect(await verify(testCase.config([keys[current]]), request)).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("accepts the second of several keys while rotating, and rejects a key not in the list", async () => {
    const config = testCase.config([keys[current], keys[next]]);
    expect(await verify(config, await testCase.sign(keys[next], NOW))).toEqual({ ok: true, verified: true });
    expect(await verify(config, await testCase.sign(keys[current], NOW))).toEqual({ ok: true, verified: true });
    expect((await verify(config, await testCase.sign(keys[unknown], NOW))).ok).toBe(false);
  });

  if (testCase.timestamped) {
    it("rejects a timestamp older than the tolerance, naming the age", async () => {
      const request = await testCase.sign(keys[current], NOW - 412_000);
      expect(await verify(testCase.config([keys[current]]), { ...request, now: NOW })).toEqual({
        ok: false,
        reason: "timestamp outside tolerance (412 s)",
      });
    });

    it("rejects a timestamp too far in the future", async () => {
      const request = await testCase.sign(keys[current], NOW + 3_600_000);
      expect(await verify(testCase.config([keys[current]]), request)).toEqual({
        ok: false,
        reason: "timestamp outside tolerance (3600 s ahead)",
      });
    });

    it("accepts a timestamp inside a widened tolerance_s", async () => {
      const request = await testCase.sign(keys[current], NOW - 412_000);
      const config = { ...testCase.config([keys[current]]), tolerance_s: 600 };
      expect(await verify(config, request)).toEqual({ ok: true, verified: true });
    });
  }

  if (testCase.header) {
    const header = testCase.header;
    it(`rejects a request without ${header}`, async () => {
      const request = await testCase.sign(keys[current], NOW);
      const headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== header));
      expect(await verify(testCase.config([keys[current]]), { ...request, headers })).toEqual({
        ok: false,
        reason: `missing header ${header}`,
      });
    });
  }
});
