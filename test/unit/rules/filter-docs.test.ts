/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import rulesDoc from "../../../docs/rules.md?raw";
import { matchFilter, validateFilter, type FilterInput } from "../../../src/rules/filter";

// docs/rules.md promises its filter examples can be pasted: read them from the page itself, so the
// page and the engine cannot drift apart, and try each on a request it must let through and one it
// must turn away.

const section = rulesDoc.slice(rulesDoc.indexOf("## Filters\n"), rulesDoc.indexOf("\n## ", rulesDoc.indexOf("## Filters\n") + 1));
const jsonBlocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const pasteable = jsonBlocks(section.slice(section.indexOf("### Examples to paste"))).map((block) => JSON.parse(block) as Record<string, unknown>);

/** Each block's JSON value, or, for a block listing one value per line, each line's. */
const snippets = jsonBlocks(section).flatMap((block): Record<string, unknown>[] => {
  try {
    return [JSON.parse(block)];
  } catch {
    return block.split("\n").map((line) => JSON.parse(line));
  }
});

const request = (parts: Partial<FilterInput>): FilterInput => ({ body: undefined, headers: {}, query: "", path: "/", ...parts });

// In the order of the page: [a request that passes, a request turned away].
const cases: [FilterInput, FilterInput][] = [
  [
    request({ body: { type: "invoice.paid", data: { object: { currency: "eur", amount_paid: 1500 } } } }),
    request({ body: { type: "invoice.paid", data: { object: { currency: "eur", amount_paid: 999 } } } }),
  ],
  [
    request({ headers: { "x-github-event": "push" }, body: { ref: "refs/heads/main" } }),
    request({ headers: { "x-github-event": "push" }, body: { ref: "refs/heads/dev" } }),
  ],
  [
    request({ path: "/orders/eu", headers: { "x-shopify-topic": "orders/paid" } }),
    request({ path: "/orders/eu", headers: { "x-shopify-topic": "orders/cancelled" } }),
  ],
  [
    request({ body: { livemode: false, data: { price: 80, previous_price: 100 } } }),
    request({ body: { livemode: false, data: { price: 120, previous_price: 100 } } }),
  ],
  [
    request({ body: { items: [{ sku: "A", previous_sku: "A" }, { sku: "B", previous_sku: "C" }] } }),
    request({ body: { items: [{ sku: "A", previous_sku: "A" }] } }),
  ],
  [
    request({ body: { event: { type: "message" }, team_id: "T_LIVE" } }),
    request({ body: { event: { type: "message", subtype: "message_deleted" }, team_id: "T_LIVE" } }),
  ],
  [request({ body: undefined }), request({ body: { test: true } })],
  [request({ query: "event=order.paid&amount=2500" }), request({ query: "event=order.paid&amount=250" })],
];

describe("docs/rules.md § Filters", () => {
  it("has one test case per example to paste", () => {
    expect(pasteable).toHaveLength(cases.length);
  });

  it.each(pasteable.map((rule, i) => [i + 1, rule] as const))("example %i validates, passes its request and turns the other away", (i, rule) => {
    const [passes, turnedAway] = cases[i - 1]!;
    expect(validateFilter(rule)).toEqual([]);
    expect(matchFilter(rule, passes)).toBe(true);
    expect(matchFilter(rule, turnedAway)).toBe(false);
  });

  it("every JSON snippet in the section parses, and each filter in it validates", () => {
    for (const value of snippets) {
      if (!("message" in value)) expect(validateFilter("type" in value ? value : { body: value })).toEqual([]);
    }
  });

  it("shows validation errors the engine really gives (prefixed with the rule's place)", () => {
    const shown = snippets.filter((value) => "message" in value);
    expect(shown).toHaveLength(2);
    const actual = [
      ...validateFilter({ body: { data: { amount: { $gte: [1000] } } } }),
      ...validateFilter({ body: { $or: { type: "a" } } }),
    ].map((p) => ({ path: `rules.0.${p.path}`, message: p.message }));
    expect(actual).toEqual(shown);
  });
});
