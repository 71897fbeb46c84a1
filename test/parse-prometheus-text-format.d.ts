// The npm parser used to read GET /v1/metrics/prometheus in tests ships no types.
declare module "parse-prometheus-text-format" {
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
