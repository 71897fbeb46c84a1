// How a `?body.<path>=<value>` parameter compares with the JSON value at that path, and what of it
// can be looked up in the text index. Query parameters are strings, so equality is loose, as in
// filters (spec §4: "1" matches 1): a JSON string matches the same text, a JSON number matches when
// the parameter reads as that number, and `true`, `false` and `null` match their literals.

const NUMBER = /^-?\d+(\.\d+)?$/;
// Beyond 15 significant digits a double no longer holds every integer exactly.
const EXACT_DIGITS = 15;

// Characters that a JSON encoder writes as they are, whatever its settings: a string made of these
// appears verbatim in the body. Others may be escaped (`\/` by PHP, `\u003c` by Go, `\u002B` by
// .NET, `\u00e9` by Python), so a value holding them cannot be looked up through the index and is
// checked on every row scanned.
const VERBATIM = /^[A-Za-z0-9 _.,:;@#%=~!?*()$-]*$/;

export interface FieldValue {
  text: string;
  /** The parameter as a number, when it is written as one. */
  number: number | null;
  /** Text that every matching body contains, or null when none can be named. */
  needle: string | null;
}

export function fieldValue(text: string): FieldValue {
  if (NUMBER.test(text)) {
    const number = Number(text);
    // 1.50 is stored as 1.5 or 1.50, "007" matches 7: the shortest form is in every spelling. A
    // long integer is kept as written, since its shortest double form may differ.
    const exact = text.replace(/^-|\./g, "").length <= EXACT_DIGITS;
    return { text, number, needle: exact ? String(number) : text };
  }
  if (text === "true" || text === "false" || text === "null") return { text, number: null, needle: text };
  return { text, number: null, needle: VERBATIM.test(text) ? JSON.stringify(text) : null };
}
