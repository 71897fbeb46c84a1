import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../cli/config-file/document";

describe("configuration file", () => {
  it("reads YAML and JSON, every list optional", () => {
    expect(parseDocument("sources:\n  - name: a\n", "c.yaml")).toMatchObject({ version: 1, sources: [{ name: "a" }], connections: [] });
    expect(parseDocument('{"destinations":[{"name":"b","url":"https://x"}]}', "c.json").destinations).toEqual([{ name: "b", url: "https://x" }]);
    expect(parseDocument("", "empty.yaml").sources).toEqual([]);
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseDocument("sources:\n  - url: x\n", "c.yaml")).toThrow(/^c\.yaml: sources\.0\.name: /);
    expect(() => parseDocument("connections:\n  - name: c\n    source: a\n", "c.yaml")).toThrow(/^c\.yaml: connections\.0\.destination: /);
    expect(() => parseDocument("surces: []\n", "c.yaml")).toThrow(/^c\.yaml: .*surces/);
    expect(() => parseDocument("version: 2\n", "c.yaml")).toThrow(/^c\.yaml: version: /);
  });

  it("refuses text that is not YAML, in one line", () => {
    expect(() => parseDocument("sources: [\n", "c.yaml")).toThrow(/^c\.yaml: not valid YAML or JSON: [^\n]+$/);
  });

  it("refuses two objects of one kind with the same name", () => {
    expect(() => parseDocument("sources:\n  - name: a\n  - name: a\n", "c.yaml")).toThrow('c.yaml: sources.1.name: "a" appears twice');
  });
});
