import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip } from "chart.js";
import { useEffect, useRef } from "preact/hooks";

// Grouped bars drawn by Chart.js: one group per category (a destination, say), one bar per series.
// /v1/metrics answers one figure per object over the window, so the x axis is categories, not time.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

export interface BarSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export function BarChart({ title, categories, series, unit }: { title: string; categories: string[]; series: BarSeries[]; unit: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: "bar",
      data: { labels: categories, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
      options: {
        animation: false,
        plugins: { title: { display: true, text: title } },
        scales: { y: { beginAtZero: true, title: { display: true, text: unit } } },
      },
    });
    return () => chart.destroy();
  }, [title, unit, JSON.stringify(categories), JSON.stringify(series)]);
  // The figures are also in words for screen readers: a canvas shows nothing to them.
  const summary = series.map((s) => `${s.label}: ${categories.map((c, i) => `${c} ${s.values[i] ?? "none"}`).join(", ")}`).join("; ");
  return (
    <figure class="chart">
      <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
    </figure>
  );
}
