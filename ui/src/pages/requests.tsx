import { useLocation } from "preact-iso";
import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { Filters } from "../components/filters";
import { LiveTail } from "../components/live-tail";
import { Pager } from "../components/pager";
import { ProblemView } from "../components/problem";
import { Table, time } from "../components/table";
import { useLoad } from "../components/use-load";

type Request = Schemas["RequestSummary"];
const option = (value: string) => ({ value, label: value });

export function Requests() {
  const { query } = useLocation();
  const catalog = useCatalog();
  const { data, error, reload } = useLoad(
    () => must(api.GET("/v1/requests", { params: { query: query as Record<string, string> } })),
    [JSON.stringify(query)],
  );
  const defs = [
    { name: "source_id", label: "Source", options: (catalog?.sources ?? []).map((s) => ({ value: s.id, label: s.name })) },
    { name: "verified", label: "Verified", options: ["true", "false"].map(option) },
    { name: "rejection", label: "Rejection", options: ["none", "any", "verification_failed", "method_not_allowed", "payload_too_large", "source_disabled"].map(option) },
    { name: "created_after", label: "Received after", type: "datetime-local" as const },
    { name: "created_before", label: "Received before", type: "datetime-local" as const },
    { name: "body_contains", label: "Body contains" },
    { name: "provider_event_id", label: "Provider event id" },
  ];
  const columns = [
    { header: "Request", cell: (r: Request) => <a href={`/requests/${r.id}`}>{r.id}</a> },
    { header: "Received", cell: (r: Request) => time(r.received_at) },
    { header: "Source", cell: (r: Request) => nameOf(catalog, r.source_id) },
    { header: "Verified", cell: (r: Request) => (r.verified ? "yes" : "no") },
    { header: "Outcome", cell: (r: Request) => r.rejection ?? "accepted" },
    { header: "Events", cell: (r: Request) => r.events_count },
    { header: "Ignored by", cell: (r: Request) => r.ignored.map((i) => `${nameOf(catalog, i.connection_id)} (${i.cause})`).join(", ") || "—" },
  ];
  return (
    <>
      <h1>Requests</h1>
      <Filters defs={defs} pairs />
      <div class="toolbar"><LiveTail refresh={reload} /></div>
      <ProblemView error={error} />
      {data && <Table caption="Requests, newest first" columns={columns} rows={data.data} empty="No requests match." />}
      <Pager nextCursor={data?.next_cursor} />
    </>
  );
}
