import { ApiProblem } from "../api/client";

/** An error from the API (or the network), announced to screen readers, with each field's problem. */
export function ProblemView({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiProblem)) return <p role="alert" class="problem">{String(error instanceof Error ? error.message : error)}</p>;
  return (
    <div role="alert" class="problem">
      <p>{error.title}: {error.message}</p>
      {error.errors.length > 0 && <ul>{error.errors.map((e) => <li><code>{e.path}</code> {e.message}</li>)}</ul>}
    </div>
  );
}

/** The API's message for one field (`errors[].path`), for a form to show at that field. */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const found = error.errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  return found.length ? found.map((e) => (e.path === path ? e.message : `${e.path}: ${e.message}`)).join("; ") : undefined;
}
