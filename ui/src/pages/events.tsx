import { useLocation } from "preact-iso";
import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { eventFilterDefs, replayQueryOf } from "../components/event-filters";
import { apiQuery, Filters } from "../components/filters";
import { LiveTail } from "../components/live-tail";
import { Pager } from "../components/pager";
import { ProblemView } from "../components/problem";
import { Table, time } from "../components/table";
import { useLoad } from "../components/use-load";

/** One box for what a partner quotes: our event or request id, or the provider's event id. */
function SearchBox() {
  const { query, route } = useLocation();
  const submit = (e: Event) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    if (value.startsWith("evt_")) return route(`/events/${value}`);
    const params = new URLSearchParams(value.startsWith("req_") ? { request_id: value } : value ? { provider_event_id: value } : {});
    route(`/events?${params}`);
  };
  return (
    <form role="search" aria-label="Find an event" onSubmit={submit} class="search" key={JSON.stringify(query)}>
      <label for="search">Search</label>
      <input id="search" name="q" type="search" defaultValue={query.request_id ?? query.provider_event_id ?? ""}
        placeholder="evt_…, req_… or the provider's event id" />
      <button type="submit">Find</button>
    </form>
  );
}

const columns = (catalog: ReturnType<typeof useCatalog>) => [
  { header: "Event", cell: (e: Schemas["Event"]) => <a href={`/events/${e.id}`}>{e.id}</a> },
  { header: "Status", cell: (e: Schemas["Event"]) => <span class={`status ${e.status}`}>{e.status}</span> },
  { header: "Source → destination", cell: (e: Schemas["Event"]) => `${nameOf(catalog, e.source_id)} → ${nameOf(catalog, e.destination_id)}` },
  { header: "Attempts", cell: (e: Schemas["Event"]) => e.attempts_count },
  { header: "Last answer", cell: (e: Schemas["Event"]) => e.last_response_status ?? "—" },
  { header: "Next attempt", cell: (e: Schemas["Event"]) => time(e.next_attempt_at) },
  { header: "Created", cell: (e: Schemas["Event"]) => time(e.created_at) },
];

export function Events() {
  const { query } = useLocation();
  const catalog = useCatalog();
  const { data, error, reload } = useLoad(
    () => must(api.GET("/v1/events", { params: { query: query as Record<string, string> } })),
    [JSON.stringify(query)],
  );
  const replayQuery = replayQueryOf(apiQuery(query));
  return (
    <>
      <h1>Events</h1>
      <SearchBox />
      <Filters defs={eventFilterDefs(catalog)} pairs />
      <div class="toolbar">
        <LiveTail refresh={reload} />
        {replayQuery && <a href={`/replays?${new URLSearchParams(replayQuery)}`}>Replay these events</a>}
      </div>
      <ProblemView error={error} />
      {data && <Table caption="Events, newest first" columns={columns(catalog)} rows={data.data} empty="No events match." />}
      <Pager nextCursor={data?.next_cursor} />
    </>
  );
}
