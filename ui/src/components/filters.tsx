import type { JSX } from "preact";
import { useLocation } from "preact-iso";
import { Field } from "./field";

// A search form whose values live in the URL query, named exactly as the API's query parameters,
// so that a filtered list is a link, and the same query can feed the API (or a bulk replay). Its
// controls are uncontrolled (default values), so a re-render (the catalog arriving, say) keeps what
// was typed; the form is re-created whenever the URL's query changes.

export interface FilterDef {
  name: string;
  label: string;
  options?: { value: string; label: string }[];
  /** `datetime-local` inputs hold local time; the URL and the API hold ISO-8601. */
  type?: "text" | "datetime-local";
}

const toLocalInput = (iso: string | undefined) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The API's `body.<path>=value` and `headers.<name>=value` filters, as (path, value) pairs. */
const prefixed = (query: Record<string, string>, prefix: string) =>
  Object.entries(query).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v] as const)[0] ?? ["", ""];

/** The API query a filtered list's URL stands for: every parameter but the page cursor. */
export function apiQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => k !== "cursor" && v !== ""));
}

/** Reads a submitted filter form into URL parameters. */
function paramsOf(form: HTMLFormElement, defs: FilterDef[], pairs: boolean): URLSearchParams {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const def of defs) {
    const value = String(data.get(def.name) ?? "").trim();
    if (value) params.set(def.name, def.type === "datetime-local" ? new Date(value).toISOString() : value);
  }
  if (pairs) {
    for (const prefix of ["body", "headers"]) {
      const key = String(data.get(`${prefix}_key`) ?? "").trim();
      if (key) params.set(`${prefix}.${key}`, String(data.get(`${prefix}_value`) ?? ""));
    }
  }
  return params;
}

export function Filters({ defs, pairs = false, children }: { defs: FilterDef[]; pairs?: boolean; children?: JSX.Element }) {
  const { path, query, route } = useLocation();
  const submit = (e: Event) => {
    e.preventDefault();
    const search = paramsOf(e.currentTarget as HTMLFormElement, defs, pairs).toString();
    route(search ? `${path}?${search}` : path);
  };
  const [bodyPath, bodyValue] = prefixed(query, "body.");
  const [header, headerValue] = prefixed(query, "headers.");
  return (
    <form role="search" class="filters" onSubmit={submit} key={JSON.stringify(query)}>
      {children}
      {defs.map((def) => (
        <Field label={def.label} path={def.name} error={undefined}>
          {(control) =>
            def.options ? (
              <select {...control}>
                <option value="">Any</option>
                {def.options.map((o) => <option value={o.value} selected={o.value === query[def.name]}>{o.label}</option>)}
              </select>
            ) : def.type === "datetime-local" ? (
              <input {...control} type="datetime-local" defaultValue={toLocalInput(query[def.name])} />
            ) : (
              <input {...control} defaultValue={query[def.name] ?? ""} />
            )
          }
        </Field>
      ))}
      {pairs && (
        <>
          <Field label="JSON path" path="body_key" error={undefined} hint="e.g. data.object.id">{(c) => <input {...c} defaultValue={bodyPath} />}</Field>
          <Field label="JSON value" path="body_value" error={undefined}>{(c) => <input {...c} defaultValue={bodyValue} />}</Field>
          <Field label="Header" path="headers_key" error={undefined}>{(c) => <input {...c} defaultValue={header} />}</Field>
          <Field label="Header value" path="headers_value" error={undefined}>{(c) => <input {...c} defaultValue={headerValue} />}</Field>
        </>
      )}
      <button type="submit">Apply filters</button>
      <a href={path}>Clear</a>
    </form>
  );
}
