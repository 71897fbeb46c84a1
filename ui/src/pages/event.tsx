import { useRoute } from "preact-iso";
import { useState } from "preact/hooks";
import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { ProblemView } from "../components/problem";
import { time } from "../components/table";
import { Trace } from "../components/trace";
import { useLoad } from "../components/use-load";
import { useCanWrite } from "../session";

/** Only an event still waiting can be cancelled (POST /v1/events/:id/cancel). */
const CANCELLABLE = new Set(["scheduled", "paused"]);

const headersText = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\n");

function Attempt({ attempt }: { attempt: Schemas["Attempt"] }) {
  return (
    <li>
      <h3>Attempt {attempt.number}: {attempt.status_code ?? attempt.error ?? "no answer"}</h3>
      <p>{time(attempt.started_at)}, {attempt.trigger}, {attempt.duration_ms} ms, to <code>{attempt.url}</code></p>
      {attempt.error_detail && <p>Error: {attempt.error} ({attempt.error_detail})</p>}
      <details>
        <summary>Response</summary>
        <pre tabIndex={0}>{headersText(attempt.response_headers)}</pre>
        <pre tabIndex={0}>{attempt.response_body ?? "(no body)"}</pre>
      </details>
    </li>
  );
}

async function loadEvent(id: string) {
  const path = { params: { path: { id } } };
  const [event, attempts, trace] = await Promise.all([
    must(api.GET("/v1/events/{id}", path)),
    must(api.GET("/v1/events/{id}/attempts", path)),
    must(api.GET("/v1/events/{id}/trace", path)),
  ]);
  const request = await must(api.GET("/v1/requests/{id}", { params: { path: { id: event.request_id } } }));
  return { event, attempts: attempts.data, trace: trace.data, request };
}

export function EventPage() {
  const { params } = useRoute();
  const id = params.id!;
  const catalog = useCatalog();
  const canWrite = useCanWrite();
  const { data, error, reload } = useLoad(() => loadEvent(id), [id]);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const act = (action: "retry" | "cancel") => async () => {
    setActionError(undefined);
    try {
      await must(action === "retry"
        ? api.POST("/v1/events/{id}/retry", { params: { path: { id } } })
        : api.POST("/v1/events/{id}/cancel", { params: { path: { id } } }));
      reload();
    } catch (failure) {
      setActionError(failure);
    }
  };
  return (
    <>
      <h1>{id}</h1>
      <ProblemView error={error ?? actionError} />
      {canWrite && (
        <div class="toolbar">
          <button type="button" onClick={act("retry")}>Retry</button>
          <button type="button" onClick={act("cancel")} disabled={!CANCELLABLE.has(data?.event.status ?? "")}>Cancel</button>
        </div>
      )}
      {data && (
        <>
          <dl class="facts">
            <dt>Status</dt><dd><span class={`status ${data.event.status}`}>{data.event.status}</span></dd>
            <dt>Route</dt><dd>{nameOf(catalog, data.event.source_id)} → {nameOf(catalog, data.event.destination_id)} ({nameOf(catalog, data.event.connection_id)})</dd>
            <dt>Request</dt><dd><a href={`/requests/${data.event.request_id}`}>{data.event.request_id}</a></dd>
            <dt>Next attempt</dt><dd>{time(data.event.next_attempt_at)}</dd>
          </dl>
          <section aria-labelledby="request-heading">
            <h2 id="request-heading">Request</h2>
            <pre tabIndex={0}>{`${data.request.method} ${data.request.path}${data.request.query ? `?${data.request.query}` : ""}\n${headersText(data.request.headers)}`}</pre>
            <pre tabIndex={0}>{data.request.body}</pre>
          </section>
          <section aria-labelledby="trace-heading">
            <h2 id="trace-heading">Trace</h2>
            <Trace entries={data.trace} name={(id) => nameOf(catalog, id)} />
          </section>
          <section aria-labelledby="attempts-heading">
            <h2 id="attempts-heading">Attempts</h2>
            {data.attempts.length === 0 ? <p>No attempt yet.</p> : <ol class="attempts">{[...data.attempts].reverse().map((a) => <Attempt attempt={a} />)}</ol>}
          </section>
        </>
      )}
    </>
  );
}
