import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { CONTENDER_LABELS, type ListingResults } from "./scenarios/listing";

/** 100000 → "100k". */
const fixedShort = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * The SVG chart of scenario 1: median wall time against N, log–log, one line per contender and the
 * floor ceil(N/50) × latency, with each contender's min–max as error bars. Rendered headless with vega
 * (no canvas, no network).
 */
export async function wallVsNChart(listing: ListingResults): Promise<string> {
  const runs = listing.sizes.map((size) => `${size.summary.ours?.runs ?? 0} at ${fixedShort(size.n)}`);
  const title = `Listing every import job, ${listing.latencyMs} ms per call`;
  const subtitle = `median wall time; runs: ${runs.join(", ")}`;
  const floorLabel = `floor: ceil(N/50) × ${listing.latencyMs} ms`;
  const points: Array<{ n: number; seconds: number; min: number; max: number; series: string }> = [];
  for (const size of listing.sizes) {
    points.push({
      n: size.n,
      seconds: size.floorMs / 1000,
      min: size.floorMs / 1000,
      max: size.floorMs / 1000,
      series: floorLabel,
    });
    for (const [contender, summary] of Object.entries(size.summary)) {
      if (summary && Number.isFinite(summary.wallMs)) {
        points.push({
          n: size.n,
          seconds: summary.wallMs / 1000,
          min: summary.wallMinMs / 1000,
          max: summary.wallMaxMs / 1000,
          series: CONTENDER_LABELS[contender as keyof typeof CONTENDER_LABELS],
        });
      }
    }
  }
  const series = [floorLabel, ...Object.values(CONTENDER_LABELS)];
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    scale: { domain: series, range: ["#9e9e9e", "#1f77b4", "#ff7f0e", "#2ca02c"] },
    legend: { orient: "top-left", labelLimit: 320 },
  } as const;
  const x = {
    field: "n",
    type: "quantitative",
    title: "jobs in the list (N)",
    scale: { type: "log" },
    axis: { values: listing.sizes.map((s) => s.n), format: "~s" },
  } as const;
  const y = {
    field: "seconds",
    type: "quantitative",
    title: "wall time, s (median; bars: min–max)",
    scale: { type: "log" },
  } as const;
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: title, subtitle, fontSize: 13 },
    width: 560,
    height: 360,
    background: "white",
    data: { values: points },
    layer: [
      {
        transform: [{ filter: { field: "series", equal: floorLabel } }],
        mark: { type: "line", point: true, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x, y, color },
      },
      {
        transform: [{ filter: { not: { field: "series", equal: floorLabel } } }],
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: { x, y, color },
      },
      {
        mark: { type: "rule", strokeWidth: 1.5 },
        encoding: { x, y: { field: "min", type: "quantitative" }, y2: { field: "max" }, color },
      },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
