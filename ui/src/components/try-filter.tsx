import { useState } from "preact/hooks";
import { api, must } from "../api/client";
import { ProblemView } from "./problem";
import { loadSample } from "./sample-request";

/** Tries the form's filter rules on a stored request (the source's latest, or one named by id). */
export function TryFilter({ read }: { read: () => Record<string, unknown> }) {
  const [requestId, setRequestId] = useState("");
  const [verdict, setVerdict] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const tryIt = async () => {
    setError(undefined);
    setVerdict(null);
    try {
      const form = read();
      const filters = ((form.rules ?? []) as { type?: string }[]).filter((r) => r.type === "filter");
      if (filters.length === 0) throw new Error("The rules have no filter to try.");
      const sample = await loadSample(requestId, form.source_id as string | undefined);
      let matched = true;
      for (const { type: _type, ...filter } of filters) {
        matched &&= (await must(api.POST("/v1/filters/test", { body: { filter, request_id: sample.id } }))).matched;
      }
      setVerdict(`${sample.id} ${matched ? "passes the filter" : "is filtered out"}.`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-label="Try the filter" class="try">
      <label for="filter-sample">Sample request id (empty: the latest)</label>
      <input id="filter-sample" value={requestId} onInput={(e) => setRequestId((e.currentTarget as HTMLInputElement).value)} />
      <button type="button" onClick={tryIt}>Try the filter</button>
      {verdict && <p role="status">{verdict}</p>}
      <ProblemView error={error} />
    </section>
  );
}
