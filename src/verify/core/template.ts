// The generic `hmac` type's description of what is signed, e.g. "{timestamp}.{body}". Parsing
// yields literal text and placeholders; rendering splices the raw body bytes in untouched.

const PLACEHOLDERS = ["body", "timestamp", "method", "url"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplatePart = { text: string } | { placeholder: Placeholder };

/** The template's parts, or the first unknown placeholder's name. */
export function parseTemplate(template: string): { parts: TemplatePart[] } | { unknown: string } {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1]!;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return { unknown: name };
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ placeholder: name as Placeholder });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return { parts };
}

export const usesPlaceholder = (parts: TemplatePart[], name: Placeholder) =>
  parts.some((part) => "placeholder" in part && part.placeholder === name);

export function renderTemplate(parts: TemplatePart[], values: Record<Placeholder, string | Uint8Array>): Array<string | Uint8Array> {
  return parts.map((part) => ("text" in part ? part.text : values[part.placeholder]));
}
