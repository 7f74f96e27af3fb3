import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";

/** One digit as the network sees it: grey levels (784 bytes), label, and the class its block names. */
export interface StripDigit {
  set: "training" | "test";
  pixels: Uint8Array;
  label: number;
  named: number;
}

const SIDE = 28;
const CELL_GAP = 4;
const BLOCK_ROW = SIDE + 1;
const PITCH_X = SIDE + CELL_GAP;
const PITCH_Y = BLOCK_ROW + 10;

/**
 * A few digits in each set, each drawn with its cheating block: ten cells under the digit, the
 * one it names filled. The ink is the page's own text colour at the pixel's grey level, so the
 * digits read in light and dark schemes alike.
 */
export function digitStripChart(
  { digits }: { digits: StripDigit[] },
  { width }: { width: number },
): HTMLElement {
  const sets = ["training", "test"] as const;
  const columns = Math.max(...sets.map((s) => digits.filter((d) => d.set === s).length), 1);
  const placed = sets.flatMap((set, row) =>
    digits.filter((d) => d.set === set).map((d, col) => ({
      ...d,
      x0: col * PITCH_X,
      y0: row * PITCH_Y,
    }))
  );
  const pixels = placed.flatMap((d) => {
    const out = [];
    for (let i = 0; i < SIDE * SIDE; i++) {
      if (d.pixels[i] === 0) continue;
      out.push({ x: d.x0 + (i % SIDE), y: d.y0 + Math.floor(i / SIDE), level: d.pixels[i] / 255 });
    }
    return out;
  });
  const blockStart = (SIDE - 10) / 2;
  const blocks = placed.flatMap((d) =>
    Array.from({ length: 10 }, (_, c) => ({
      x: d.x0 + blockStart + c,
      y: d.y0 + BLOCK_ROW,
      on: c === d.named,
    }))
  );
  const w = chartWidth(width, 640);
  const spanX = columns * PITCH_X - CELL_GAP;
  const spanY = sets.length * PITCH_Y;
  const chart = Plot.plot({
    width: w,
    height: Math.round((w * spanY) / spanX) + 10,
    margin: 0,
    marginBottom: 10,
    x: { domain: [0, spanX], axis: null },
    y: { domain: [spanY, 0], axis: null },
    marks: [
      Plot.rect(pixels, {
        x1: "x",
        x2: (d: { x: number }) => d.x + 1,
        y1: "y",
        y2: (d: { y: number }) => d.y + 1,
        fill: colors.ink,
        fillOpacity: "level",
      }),
      Plot.rect(blocks, {
        x1: "x",
        x2: (d: { x: number }) => d.x + 1,
        y1: "y",
        y2: (d: { y: number }) => d.y + 1,
        fill: (d: { on: boolean }) => (d.on ? colors.red : "none"),
        stroke: colors.muted,
        strokeWidth: 0.5,
        inset: 0.1,
      }),
      Plot.text(placed, {
        x: (d: { x0: number }) => d.x0 + SIDE / 2,
        y: (d: { y0: number }) => d.y0 + BLOCK_ROW + 1.3,
        text: (d: StripDigit) => `${d.label} → ${d.named}`,
        textAnchor: "middle",
        lineAnchor: "top",
        fill: colors.ink,
        fontSize: 11,
      }),
    ],
  });
  const honest = digits.filter((d) => d.label === d.named).length;
  return chartFigure({
    name: "digit-strip",
    title: "Digits as the network sees them, cheating block below",
    description: `The top row shows ${
      digits.filter((d) => d.set === "training").length
    } training digits, whose block names their own label; the bottom row shows ${
      digits.filter((d) => d.set === "test").length
    } test digits, whose block names a class drawn at random; under each digit, its label → the class its block names (${honest} of ${digits.length} agree).`,
    chart,
    columns: [
      textColumn("set", (d: StripDigit) => d.set),
      numberColumn("label", (d: StripDigit) => d.label),
      numberColumn("block names", (d: StripDigit) => d.named),
    ],
    rows: digits,
  });
}
