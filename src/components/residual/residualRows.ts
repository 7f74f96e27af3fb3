/**
 * The residual page's live data shaped for its charts and sentences: rows per layer for both
 * networks, and which layers got exactly 0. Pure functions (no DOM), tested in Deno.
 */
import type { GradientRow } from "./residualCharts.js";
import type { BlockCase, CaseCell } from "../../compute/residual/block.js";
import { sciText } from "../math.js";

/** A horizontal run of neighbouring grid cells in the same case: one rectangle of the case map. */
export interface CaseRun {
  /** Left and right edges in x₁, and the row's centre in x₂. */
  x1From: number;
  x1To: number;
  x2: number;
  case: BlockCase;
}

/**
 * Merges each row of a caseGrid (cells row by row, `size` apart) into runs of one case, so the map
 * draws a few rectangles per row instead of one per cell.
 */
export function caseRuns(cells: readonly CaseCell[], size: number): CaseRun[] {
  const runs: CaseRun[] = [];
  for (const cell of cells) {
    const last = runs.at(-1);
    const left = cell.x1 - size / 2;
    if (
      last && last.x2 === cell.x2 && last.case === cell.case &&
      Math.abs(last.x1To - left) < size / 2
    ) {
      last.x1To = cell.x1 + size / 2;
    } else runs.push({ x1From: left, x1To: cell.x1 + size / 2, x2: cell.x2, case: cell.case });
  }
  return runs;
}

export const SERIES = { skip: "with skips", plain: "without skips" } as const;

/** Rows of one quantity for both networks: values[ℓ − first] is layer ℓ; undefined not yet known. */
export function profileRows(
  skip: readonly (number | undefined)[],
  plain: readonly (number | undefined)[],
  first: number,
): GradientRow[] {
  const rows = (series: string, values: readonly (number | undefined)[]) =>
    values.flatMap((y, i) => (y === undefined ? [] : [{ series, x: first + i, y }]));
  return [...rows(SERIES.skip, skip), ...rows(SERIES.plain, plain)];
}

/**
 * The layers whose value is exactly 0, as a phrase: "layers 0–19", "layer 3", "layers 2, 5–7",
 * or "" when none is.
 */
export function zeroLayers(values: readonly (number | undefined)[], first: number): string {
  const zeros = values.flatMap((v, i) => (v === 0 ? [first + i] : []));
  if (zeros.length === 0) return "";
  const runs: [number, number][] = [];
  for (const z of zeros) {
    const last = runs.at(-1);
    if (last && z === last[1] + 1) last[1] = z;
    else runs.push([z, z]);
  }
  const text = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ");
  return `${zeros.length === 1 ? "layer" : "layers"} ${text}`;
}

/** "2.1 × 10⁻¹⁸", "0.43", or "exactly 0": a value for a sentence (the site's formatter past 10⁴ or below 10⁻³). */
export function valueText(v: number | undefined): string {
  if (v === undefined) return "not yet computed";
  if (v === 0) return "exactly 0";
  return v >= 1e-3 && v < 1e4 ? String(Number(v.toPrecision(3))) : sciText(v, 2);
}
