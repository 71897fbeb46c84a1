import { useState } from "preact/hooks";
import { api, ApiProblem, must, type Schemas } from "../api/client";
import { ProblemView } from "./problem";
import { loadSample } from "./sample-request";

type Line = { level: string; message: string };
const consoleText = (lines: Line[]) => lines.map((l) => `${l.level}: ${l.message}`).join("\n") || "(no output)";

/**
 * Runs a transformation's code on a stored request (the latest, or one named by id) and shows the
 * request before and after, and the console output, before anything is saved.
 */
export function TryTransformation({ source, note }: { source: () => Promise<{ code: string; env: Record<string, string> }>; note?: string }) {
  const [requestId, setRequestId] = useState("");
  const [result, setResult] = useState<{ before: unknown; after: Schemas["TransformationRunResult"] } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const run = async () => {
    setError(undefined);
    setResult(null);
    try {
      const { code, env } = await source();
      const { id: _id, ...request } = await loadSample(requestId);
      const after = await must(api.POST("/v1/transformations/run", { body: { code, env, request } }));
      setResult({ before: request, after });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-label="Try the transformation" class="try">
      <label for="sample-request">Sample request id (empty: the latest)</label>
      <input id="sample-request" value={requestId} onInput={(e) => setRequestId((e.currentTarget as HTMLInputElement).value)} />
      <button type="button" onClick={run}>Run on a sample</button>
      {note && <small>{note}</small>}
      <ProblemView error={error} />
      {error instanceof ApiProblem && Array.isArray(error.extra.console) && (
        <figure><figcaption>Console</figcaption><pre tabIndex={0}>{consoleText(error.extra.console as Line[])}</pre></figure>
      )}
      {result && (
        <div class="side-by-side">
          <figure><figcaption>Before</figcaption><pre tabIndex={0}>{JSON.stringify(result.before, null, 2)}</pre></figure>
          <figure><figcaption>Result</figcaption><pre tabIndex={0}>{JSON.stringify(result.after.request, null, 2)}</pre></figure>
          <figure><figcaption>Console</figcaption><pre tabIndex={0}>{consoleText(result.after.console)}</pre></figure>
        </div>
      )}
    </section>
  );
}
