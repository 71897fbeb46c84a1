import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { api, must, type Schemas } from "../api/client";
import { useCatalog } from "../components/catalog";
import { eventFilterDefs, REPLAY_FILTERS } from "../components/event-filters";
import { apiQuery, Filters } from "../components/filters";
import { Pager } from "../components/pager";
import { ProblemView } from "../components/problem";
import { Table, time } from "../components/table";
import { useLoad } from "../components/use-load";
import { useCanWrite } from "../session";

type Replay = Schemas["Replay"];

const columns = [
  { header: "Replay", cell: (r: Replay) => <a href={`/replays/${r.id}`}>{r.id}</a> },
  { header: "Status", cell: (r: Replay) => r.status },
  { header: "Query", cell: (r: Replay) => <code>{JSON.stringify(r.query)}</code> },
  { header: "Progress", cell: (r: Replay) => `${r.processed} of ${r.total}${r.failed ? `, ${r.failed} failed` : ""}` },
  { header: "Started", cell: (r: Replay) => time(r.created_at) },
];

/** Choose events by the events page's filters, count them (a dry run), then start the replay. */
function NewReplay() {
  const { query, route } = useLocation();
  const catalog = useCatalog();
  const selection = apiQuery(query);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const send = async (dryRun: boolean) => {
    setError(undefined);
    try {
      const body = { kind: "events" as const, query: selection as Schemas["EventReplayQuery"], dry_run: dryRun };
      const answer = await must(api.POST("/v1/replays", { body }));
      if ("dry_run" in answer) setCount(answer.total);
      else route(`/replays/${answer.id}`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="new-replay">
      <h2 id="new-replay">New bulk replay</h2>
      <p>Deliver again every event the filters select, on the server, whatever page you are on.</p>
      <Filters defs={eventFilterDefs(catalog).filter((d) => REPLAY_FILTERS.includes(d.name))} />
      <div class="toolbar">
        <button type="button" onClick={() => send(true)}>Count events</button>
        {count !== null && <output>{count} events selected</output>}
        <button type="button" onClick={() => send(false)} disabled={count === null}>Start replay</button>
      </div>
      <ProblemView error={error} />
    </section>
  );
}

export function Replays() {
  const { query } = useLocation();
  const canWrite = useCanWrite();
  const { data, error } = useLoad(() => must(api.GET("/v1/replays", { params: { query: { cursor: query.cursor } } })), [query.cursor]);
  return (
    <>
      <h1>Replays</h1>
      {canWrite && <NewReplay key={JSON.stringify(query)} />}
      <ProblemView error={error} />
      {data && <Table caption="Replays, newest first" columns={columns} rows={data.data} empty="No replays yet." />}
      <Pager nextCursor={data?.next_cursor} />
    </>
  );
}
