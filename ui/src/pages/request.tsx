import { useRoute } from "preact-iso";
import { useState } from "preact/hooks";
import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { ProblemView } from "../components/problem";
import { Table, time } from "../components/table";
import { Trace } from "../components/trace";
import { useLoad } from "../components/use-load";
import { useCanWrite } from "../session";

type Event = Schemas["Event"];

async function loadRequest(id: string) {
  const [request, events, trace] = await Promise.all([
    must(api.GET("/v1/requests/{id}", { params: { path: { id } } })),
    must(api.GET("/v1/events", { params: { query: { request_id: id, limit: 250 } } })),
    must(api.GET("/v1/requests/{id}/trace", { params: { path: { id } } })),
  ]);
  return { request, events: events.data, trace: trace.data };
}

export function RequestPage() {
  const { params } = useRoute();
  const id = params.id!;
  const catalog = useCatalog();
  const canWrite = useCanWrite();
  const { data, error, reload } = useLoad(() => loadRequest(id), [id]);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const routeAgain = async () => {
    setActionError(undefined);
    try {
      await must(api.POST("/v1/requests/{id}/retry", { params: { path: { id } } }));
      reload();
    } catch (failure) {
      setActionError(failure);
    }
  };
  const columns = [
    { header: "Event", cell: (e: Event) => <a href={`/events/${e.id}`}>{e.id}</a> },
    { header: "Connection", cell: (e: Event) => nameOf(catalog, e.connection_id) },
    { header: "Status", cell: (e: Event) => e.status },
    { header: "Attempts", cell: (e: Event) => e.attempts_count },
  ];
  return (
    <>
      <h1>{id}</h1>
      <ProblemView error={error ?? actionError} />
      {canWrite && <div class="toolbar"><button type="button" onClick={routeAgain}>Route again</button></div>}
      {data && (
        <>
          <dl class="facts">
            <dt>Received</dt><dd>{time(data.request.received_at)}</dd>
            <dt>Source</dt><dd>{nameOf(catalog, data.request.source_id)}</dd>
            <dt>Outcome</dt><dd>{data.request.rejection ? `rejected: ${data.request.rejection} ${data.request.rejection_detail ?? ""}` : "accepted"}</dd>
            <dt>Verified</dt><dd>{data.request.verified ? "yes" : "no"}</dd>
          </dl>
          <Table caption="Its events" columns={columns} rows={data.events} empty="No events." />
          <section aria-labelledby="ignored-heading">
            <h2 id="ignored-heading">Ignored by</h2>
            {data.request.ignored.length === 0 ? <p>No connection ignored it.</p> : (
              <ul>{data.request.ignored.map((i) => <li>{nameOf(catalog, i.connection_id)}: {i.cause}{i.detail ? ` (${i.detail})` : ""}</li>)}</ul>
            )}
          </section>
          <section aria-labelledby="body-heading">
            <h2 id="body-heading">Request</h2>
            <pre tabIndex={0}>{`${data.request.method} ${data.request.path}${data.request.query ? `?${data.request.query}` : ""}\n${Object.entries(data.request.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}`}</pre>
            <pre tabIndex={0}>{data.request.body}</pre>
          </section>
          <section aria-labelledby="trace-heading">
            <h2 id="trace-heading">Trace</h2>
            <Trace entries={data.trace} name={(id) => nameOf(catalog, id)} />
          </section>
        </>
      )}
    </>
  );
}
