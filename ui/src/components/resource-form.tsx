import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/client";
import { Field } from "./field";
import { ProblemView } from "./problem";

// One form for creating and editing any resource: each field maps to a property of the API's JSON
// body; nested settings (verification, auth, rules…) are edited as JSON. The API validates, and its
// problem's `errors[].path` puts each message at its field.

export interface FieldDef {
  path: string;
  label: string;
  kind?: "text" | "number" | "json" | "code" | "list" | "select" | "checkbox";
  options?: (string | { value: string; label: string })[];
  hint?: string;
  /** Shown only when creating: the API does not let it change afterwards. */
  createOnly?: boolean;
}

type Values = Record<string, unknown>;

const display = (def: FieldDef, value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (def.kind === "json") return JSON.stringify(value, null, 2);
  if (def.kind === "list") return (value as string[]).join(", ");
  return String(value);
};

/** Reads one control's text into the API's value; a JSON syntax error is reported at its field. */
function parse(def: FieldDef, text: string, checked: boolean): unknown {
  if (def.kind === "checkbox") return checked;
  const trimmed = text.trim();
  if (def.kind === "list") return trimmed ? trimmed.split(/[\s,]+/) : undefined;
  if (trimmed === "") return def.kind === "json" || def.kind === "number" ? null : undefined;
  if (def.kind === "number") return Number(trimmed);
  if (def.kind === "code") return text;
  if (def.kind !== "json") return trimmed;
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    throw new ApiProblem(400, "Bad Request", "A field is not valid JSON.", [{ path: def.path, message: `not valid JSON: ${(error as Error).message}` }], {});
  }
}

// Uncontrolled controls (default values): a re-render, such as showing an error, keeps what was typed.
function control(def: FieldDef, value: string, checked: boolean, attrs: Record<string, unknown>) {
  switch (def.kind) {
    case "json":
    case "code":
      return <textarea {...attrs} rows={6} spellcheck={false} defaultValue={value} />;
    case "select":
      return <select {...attrs}>{def.options!.map((o) => {
        const { value: v, label } = typeof o === "string" ? { value: o, label: o } : o;
        return <option value={v} selected={v === value}>{label}</option>;
      })}</select>;
    case "checkbox":
      return <input {...attrs} type="checkbox" defaultChecked={checked} />;
    case "number":
      return <input {...attrs} type="number" defaultValue={value} />;
    default:
      return <input {...attrs} defaultValue={value} />;
  }
}

interface Props {
  title: string;
  fields: FieldDef[];
  initial?: Values;
  submitLabel: string;
  onSubmit: (body: Values) => Promise<unknown>;
  onCancel: () => void;
  /** Extra controls (a "Try the filter" button, say) given the body as the form holds it now. */
  extra?: (read: () => Values) => ComponentChildren;
}

export function ResourceForm({ title, fields, initial, submitLabel, onSubmit, onCancel, extra }: Props) {
  const [error, setError] = useState<unknown>(undefined);
  const editing = initial !== undefined;
  const shown = fields.filter((f) => !(editing && f.createOnly));
  const form = useRef<HTMLFormElement>(null);
  /** The body as the form holds it; with `changedOnly`, only the fields an edit changed. */
  const read = (changedOnly = false): Values => {
    const body: Values = {};
    for (const def of shown) {
      const element = form.current!.elements.namedItem(def.path) as HTMLInputElement;
      const before = initial?.[def.path];
      // An edit sends only what changed: masked secrets shown in the form are never sent back.
      if (changedOnly && editing && (def.kind === "checkbox" ? element.checked === Boolean(before) : element.value === display(def, before))) continue;
      const value = parse(def, element.value, element.checked);
      // Left empty on a new object: the API's default applies. Emptied on an edit: cleared (null).
      if (value !== undefined && !(value === null && !editing)) body[def.path] = value;
    }
    return body;
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await onSubmit(read(true));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form class="resource" ref={form} onSubmit={submit} aria-label={title} noValidate>
      <h2>{title}</h2>
      {shown.map((def) => (
        <Field label={def.label} path={def.path} error={error} hint={def.hint}>
          {(attrs) => control(def, display(def, initial?.[def.path]), Boolean(initial?.[def.path]), attrs)}
        </Field>
      ))}
      <ProblemView error={error} />
      {extra?.(() => read())}
      <div class="actions">
        <button type="submit">{submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
