import { useLocation } from "preact-iso";
import { api, must, type Schemas } from "../api/client";
import { BarChart } from "../components/bar-chart";
import { nameOf, useCatalog, type Catalog } from "../components/catalog";
import { Filters } from "../components/filters";
import { ProblemView } from "../components/problem";
import { useLoad } from "../components/use-load";

type Traffic = Schemas["Metrics"]["destinations"][number];

/** Window presets (the API counts up to 7 days back). */
const WINDOWS = [["1h", "Last hour"], ["24h", "Last 24 hours"], ["7d", "Last 7 days"]].map(([value, label]) => ({ value: value!, label: label! }));

function Charts({ title, rows, catalog }: { title: string; rows: (Traffic & { id: string })[]; catalog: Catalog | undefined }) {
  if (rows.length === 0) return <p>No {title.toLowerCase()} traffic in this window.</p>;
  const names = rows.map((r) => nameOf(catalog, r.id));
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <BarChart title={`Deliveries per ${title.toLowerCase().replace(/s$/, "")}`} unit="attempts" categories={names} series={[
        { label: "Successful", values: rows.map((r) => r.attempts.successful), color: "#1a7f37" },
        { label: "Failed", values: rows.map((r) => r.attempts.failed), color: "#cf222e" },
      ]} />
      <BarChart title={`Latency per ${title.toLowerCase().replace(/s$/, "")}`} unit="ms" categories={names} series={[
        { label: "p50", values: rows.map((r) => r.latency_ms?.p50 ?? null), color: "#0969da" },
        { label: "p95", values: rows.map((r) => r.latency_ms?.p95 ?? null), color: "#8250df" },
        { label: "p99", values: rows.map((r) => r.latency_ms?.p99 ?? null), color: "#bc4c00" },
      ]} />
    </section>
  );
}

export function Metrics() {
  const { query } = useLocation();
  const catalog = useCatalog();
  const window = query.window ?? "1h";
  const { data, error } = useLoad(() => must(api.GET("/v1/metrics", { params: { query: { window } } })), [window]);
  return (
    <>
      <h1>Metrics</h1>
      <Filters defs={[{ name: "window", label: "Window", options: WINDOWS }]} />
      <ProblemView error={error} />
      {data && (
        <>
          <p>From {new Date(data.from).toLocaleString()} to {new Date(data.to).toLocaleString()}{data.latency_sampled ? " (latency from the most recent attempts)" : ""}.</p>
          <Charts title="Destinations" rows={data.destinations.map((d) => ({ ...d, id: d.destination_id }))} catalog={catalog} />
          <Charts title="Connections" rows={data.connections.map((c) => ({ ...c, id: c.connection_id }))} catalog={catalog} />
        </>
      )}
    </>
  );
}
