import { describe, expect, it } from "vitest";
import { resolveEnvRefs } from "../../../cli/config-file/env-refs";

describe("${VAR} references", () => {
  it("replaces references anywhere in the document, inside text too", () => {
    const doc = { sources: [{ name: "a", verification: { secrets: ["${ONE}", "x-${TWO}-y"] } }], n: 3, off: false, none: null };
    expect(resolveEnvRefs(doc, { ONE: "1", TWO: "2" }, "c.yaml")).toEqual({
      sources: [{ name: "a", verification: { secrets: ["1", "x-2-y"] } }], n: 3, off: false, none: null,
    });
  });

  it("names the file, the field and the variable when one is not set", () => {
    const doc = { destinations: [{ name: "b", auth: { token: "${BILLING_AUTH_TOKEN}" } }] };
    expect(() => resolveEnvRefs(doc, {}, "c.yaml")).toThrow("c.yaml: destinations.0.auth.token: environment variable BILLING_AUTH_TOKEN is not set");
  });

  it("keeps $${ as a literal ${ and leaves $VAR without braces alone", () => {
    expect(resolveEnvRefs({ code: "`$${x}` costs $5 or $HOME" }, {}, "c.yaml")).toEqual({ code: "`${x}` costs $5 or $HOME" });
  });

  it("accepts an empty value: set is not the same as missing", () => {
    expect(resolveEnvRefs({ v: "${EMPTY}" }, { EMPTY: "" }, "c.yaml")).toEqual({ v: "" });
  });
});
