import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { Filters } from "../components/filters";
import { Pager } from "../components/pager";
import { ProblemView } from "../components/problem";
import { Table, time } from "../components/table";
import { useLoad } from "../components/use-load";
import { useCanWrite } from "../session";

type Issue = Schemas["Issue"];
type Status = Issue["status"];

export function Issues() {
  const { query } = useLocation();
  const catalog = useCatalog();
  const canWrite = useCanWrite();
  const { data, error, reload } = useLoad(
    () => must(api.GET("/v1/issues", { params: { query: query as Record<string, string> } })),
    [JSON.stringify(query)],
  );
  const [actionError, setActionError] = useState<unknown>(undefined);
  const setStatus = (issue: Issue, status: Status) => async () => {
    setActionError(undefined);
    try {
      await must(api.PATCH("/v1/issues/{id}", { params: { path: { id: issue.id } }, body: { status } }));
      reload();
    } catch (failure) {
      setActionError(failure);
    }
  };
  const defs = [
    { name: "status", label: "Status", options: ["open", "acknowledged", "resolved"].map((s) => ({ value: s, label: s })) },
    { name: "connection_id", label: "Connection", options: (catalog?.connections ?? []).map((c) => ({ value: c.id, label: c.name })) },
    { name: "destination_id", label: "Destination", options: (catalog?.destinations ?? []).map((d) => ({ value: d.id, label: d.name })) },
  ];
  const columns = [
    { header: "Issue", cell: (i: Issue) => i.id },
    { header: "Status", cell: (i: Issue) => i.status },
    { header: "Connection", cell: (i: Issue) => nameOf(catalog, i.connection_id) },
    { header: "Destination", cell: (i: Issue) => nameOf(catalog, i.destination_id) },
    { header: "Failures", cell: (i: Issue) => i.failures },
    { header: "First seen", cell: (i: Issue) => time(i.first_seen_at) },
    { header: "Last seen", cell: (i: Issue) => time(i.last_seen_at) },
    { header: "Events", cell: (i: Issue) => <a href={`/events?connection_id=${i.connection_id}&status=failed`}>Failing events of {nameOf(catalog, i.connection_id)}</a> },
    ...(canWrite ? [{ header: "Actions", cell: (i: Issue) => i.status !== "resolved" && (
      <div class="row-actions">
        {i.status === "open" && <button type="button" onClick={setStatus(i, "acknowledged")} aria-label={`Acknowledge ${i.id}`}>Acknowledge</button>}
        <button type="button" onClick={setStatus(i, "resolved")} aria-label={`Resolve ${i.id}`}>Resolve</button>
      </div>
    ) }] : []),
  ];
  return (
    <>
      <h1>Issues</h1>
      <Filters defs={defs} />
      <ProblemView error={error ?? actionError} />
      {data && <Table caption="Issues" columns={columns} rows={data.data} empty="No issues." />}
      <Pager nextCursor={data?.next_cursor} />
    </>
  );
}
