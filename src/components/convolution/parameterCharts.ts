/**
 * Charts of parameter counts: stacked bars (one per layer design, one segment per layer part,
 * biases paler than weights), and the channel-connection pattern of a grouped convolution.
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import type { ParameterCount } from "../../compute/parameterCounts.js";

const count = (value: number) => value.toLocaleString("en-US");
const palette = [colors.blue, colors.orange, colors.green, colors.purple, colors.red];

export interface BarModel {
  model: string;
  count: ParameterCount;
}

interface BarRow {
  model: string;
  /** The colour key: parts of the same role share a colour across models. */
  role: string;
  layer: string;
  kind: "weights" | "biases";
  count: number;
  formula: string;
}

export function parameterBarsChart(
  { name, title, models, role }: {
    name: string;
    title: string;
    models: BarModel[];
    /** Colour key of a model's part (by default its layer name). */
    role?: (model: BarModel, layer: string) => string;
  },
  { width }: { width: number },
): HTMLElement {
  const rows: BarRow[] = models.flatMap((m) =>
    m.count.parts.filter((p) => p.count > 0).map((p) => ({
      model: m.model,
      role: role ? role(m, p.layer) : p.layer,
      layer: p.layer,
      kind: p.kind,
      count: p.count,
      formula: p.formula,
    }))
  );
  const roles = [...new Set(rows.map((r) => r.role))];
  const totals = models.map((m) => ({ model: m.model, total: m.count.total }));
  const max = Math.max(...totals.map((t) => t.total));
  const W = chartWidth(width, 760);
  const chart = Plot.plot({
    width: W,
    height: 64 * models.length + 60,
    marginLeft: 8,
    marginRight: 16,
    marginTop: 8,
    x: {
      label: "parameters",
      domain: [0, max * 1.02],
      grid: true,
      tickFormat: "~s",
      ticks: W < 400 ? 3 : 6,
    },
    y: { domain: models.map((m) => m.model), axis: null, paddingInner: 0.55, paddingOuter: 0.4 },
    color: { domain: roles, range: palette, legend: true },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: "count",
          y: "model",
          fill: "role",
          fillOpacity: (d: BarRow) => (d.kind === "biases" ? 0.45 : 1),
          stroke: "var(--theme-background)",
          strokeWidth: 0.5,
        }),
      ),
      Plot.text(totals, {
        x: 0,
        y: "model",
        text: (d) => `${d.model}: ${count(d.total)}`,
        textAnchor: "start",
        dy: -22,
        fill: colors.ink,
        fontWeight: "bold",
      }),
      Plot.ruleX([0]),
    ],
  });
  const largest = [...rows].sort((a, b) => b.count - a.count)[0];
  const totalsText = totals.map((t) => `${t.model} ${count(t.total)}`).join(", ");
  const paler = rows.some((r) => r.kind === "biases") ? " Paler segments are biases." : "";
  const description =
    `${totalsText} parameters; the largest part is ${largest.layer} ${largest.kind} (${
      count(largest.count)
    }).${paler}`;
  return chartFigure<BarRow>({
    name,
    title,
    description,
    chart,
    columns: [
      textColumn("design", (d: BarRow) => d.model),
      textColumn("layer", (d) => d.layer),
      textColumn("part", (d) => d.kind),
      textColumn("how", (d) => d.formula),
      numberColumn("count", (d) => d.count, 12),
    ],
    rows,
  });
}

/** Which input channels each output channel reads in a grouped convolution: g diagonal blocks. */
export function groupBlocksChart(
  { channels, groups, kernel }: { channels: number; groups: number; kernel: number },
  { width }: { width: number },
): HTMLElement {
  const size = channels / groups;
  const blocks = Array.from({ length: groups }, (_, g) => ({
    group: g + 1,
    x1: g * size,
    x2: (g + 1) * size,
    y1: g * size,
    y2: (g + 1) * size,
  }));
  const side = Math.min(chartWidth(width, 420), 420);
  const chart = Plot.plot({
    width: side,
    height: side,
    marginLeft: 48,
    marginBottom: 40,
    x: { label: "input channel", domain: [0, channels] },
    y: { label: "output channel", domain: [channels, 0] },
    marks: [
      Plot.frame({ stroke: colors.muted }),
      Plot.rect(blocks, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: colors.blue,
        inset: groups > 64 ? 0 : 0.5,
      }),
    ],
  });
  const fraction = groups === 1 ? "all" : `1/${groups} of the`;
  return chartFigure<(typeof blocks)[number]>({
    name: "group-blocks",
    title: `Which channels meet: ${groups} group${groups === 1 ? "" : "s"} of ${size}`,
    description: `${groups} diagonal block${
      groups === 1 ? "" : "s"
    } of ${size} × ${size}: ${fraction} ${channels} × ${channels} channel pairs carry a ${kernel} × ${kernel} filter, ${
      count((channels * channels * kernel * kernel) / groups)
    } weights in all.`,
    chart,
    columns: [
      numberColumn("group", (d: (typeof blocks)[number]) => d.group),
      textColumn("input channels", (d) => `${d.x1 + 1}–${d.x2}`),
      textColumn("output channels", (d) => `${d.y1 + 1}–${d.y2}`),
      numberColumn("weights", () => size * size * kernel * kernel, 12),
    ],
    rows: blocks,
  });
}
