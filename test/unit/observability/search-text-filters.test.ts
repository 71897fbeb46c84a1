import { describe, expect, it } from "vitest";
import { fieldValue } from "../../../src/observability/search/field-value";
import { parseBodyPath } from "../../../src/observability/search/json-path";
import { parseTextFilters, type TextFilters } from "../../../src/observability/search/text-filters";
import { prefilter, trigrams } from "../../../src/observability/search/text-index";

// The pure halves of search: reading `body.*` and `headers.*` parameters, turning a body path into
// SQLite's JSON path, and which text the full-text index is asked for.

describe("parseBodyPath", () => {
  it.each([
    ["data.object.id", '$."data"."object"."id"'],
    ["items[0].sku", '$."items"[0]."sku"'],
    ["matrix[1][2]", '$."matrix"[1][2]'],
    ["event-data.id", '$."event-data"."id"'],
    ["0day", '$."0day"'],
  ])("%s → %s", (path, sqlitePath) => {
    expect(parseBodyPath(path)).toEqual({ ok: true, sqlitePath });
  });

  it.each([
    ["", "name a field"],
    ["data..id", "empty key"],
    ["data.", "empty key"],
    ["items[*].sku", "wildcards"],
    ['a"b', "cannot hold"],
    ["items[x]", "cannot hold"],
    ["[0]", "cannot hold"],
    ["a.".repeat(40) + "a", "levels"],
    ["k".repeat(257), "characters"],
  ])("refuses %j", (path, message) => {
    const parsed = parseBodyPath(path);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toContain(message);
  });
});

describe("fieldValue", () => {
  it.each([
    ["pi_123", { text: "pi_123", number: null, needle: '"pi_123"' }],
    ["2000", { text: "2000", number: 2000, needle: "2000" }],
    ["12.50", { text: "12.50", number: 12.5, needle: "12.5" }],
    ["-7", { text: "-7", number: -7, needle: "-7" }],
    ["12345678901234567890", { text: "12345678901234567890", number: 12345678901234567890, needle: "12345678901234567890" }],
    ["true", { text: "true", number: null, needle: "true" }],
    ["null", { text: "null", number: null, needle: "null" }],
    // Characters some encoders escape: no text every matching body is sure to contain.
    ["a/b", { text: "a/b", number: null, needle: null }],
    ["Köln", { text: "Köln", number: null, needle: null }],
    ["1e3", { text: "1e3", number: null, needle: '"1e3"' }],
  ])("%j", (raw, expected) => {
    expect(fieldValue(raw)).toEqual(expected);
  });
});

describe("parseTextFilters", () => {
  const parse = (query: string, bodyContains?: string) => parseTextFilters(new URLSearchParams(query), bodyContains);

  it("reads body paths and lower-cases header names, ignoring other parameters", () => {
    expect(parse("status=failed&body.data.id=pi_1&headers.X-GitHub-Event=push&limit=5", "needle")).toEqual({
      ok: true,
      filters: {
        bodyContains: "needle",
        bodyFields: [{ param: "body.data.id", path: '$."data"."id"', value: "pi_1" }],
        headers: [{ param: "headers.X-GitHub-Event", name: "x-github-event", value: "push" }],
      },
    });
  });

  it("names each bad parameter", () => {
    expect(parse(`body.=1&headers.a b=1&body.x=${"v".repeat(1001)}&headers.y=1&headers.y=2`)).toEqual({
      ok: false,
      problems: [
        { path: "query.body.", message: "name a field after `body.`" },
        { path: "query.headers.a b", message: "not a valid header name" },
        { path: "query.body.x", message: "a value has at most 1000 characters" },
        { path: "query.headers.y", message: "give this parameter once" },
      ],
    });
  });

  it("allows at most ten field filters", () => {
    const query = Array.from({ length: 11 }, (_, n) => `body.f${n}=1`).join("&");
    expect(parse(query)).toEqual({ ok: false, problems: [{ path: "query", message: "at most 10 body.* and headers.* filters at once" }] });
  });
});

describe("the full-text prefilter", () => {
  const filters = (f: Partial<TextFilters>): TextFilters => ({ bodyContains: null, bodyFields: [], headers: [], ...f });

  it("splits text into distinct trigrams by code point, at most eight spread over it", () => {
    expect(trigrams("ab")).toEqual([]);
    expect(trigrams("aaaa")).toEqual(["aaa"]);
    expect(trigrams("Köln")).toEqual(["Köl", "öln"]);
    const many = trigrams("abcdefghijklmnopqrstuvwxyz");
    expect(many).toHaveLength(8);
    expect(many[0]).toBe("abc");
    expect(many[7]).toBe("xyz");
  });

  it("asks for every usable needle, quoting FTS5 strings", () => {
    expect(prefilter(filters({ bodyContains: '"id":' }))).toBe('(body : ("""id" AND "id""" AND "d"":"))');
    expect(prefilter(filters({
      bodyFields: [{ param: "body.a", path: '$."a"', value: "pi_1" }],
      headers: [{ param: "headers.x-t", name: "x-t", value: "a" }],
    }))).toBe('(body : ("""pi" AND "pi_" AND "i_1" AND "_1""")) AND (headers : ("""x-" AND "x-t" AND "-t""" AND "t"":" AND """:""" AND ":""a" AND """a"""))');
  });

  it("is null when no filter names three characters every match contains", () => {
    expect(prefilter(filters({ bodyContains: "ab" }))).toBeNull();
    expect(prefilter(filters({ bodyFields: [{ param: "body.a", path: '$."a"', value: "7" }] }))).toBeNull();
    expect(prefilter(filters({ bodyFields: [{ param: "body.a", path: '$."a"', value: "a/b" }] }))).toBeNull();
  });
});
