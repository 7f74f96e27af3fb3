/**
 * Mean, spread and range of trained weights per (rate, optimiser), shaped with arquero so the
 * loader's table logic reads as one group-by and one roll-up.
 */
import * as aq from "arquero";

export interface RunRow {
  rate: number;
  optimizer: string;
  seed: number;
  w1: number;
  w2: number;
}

export interface SummaryRow {
  rate: number;
  optimizer: string;
  w1Mean: number;
  w1Sd: number;
  w2Mean: number;
  w2Sd: number;
  w1Min: number;
  w1Max: number;
  w2Min: number;
  w2Max: number;
  n: number;
}

/** Groups keep the order in which they first appear in `runs`. */
export function summariseRuns(runs: readonly RunRow[]): SummaryRow[] {
  if (runs.length === 0) return [];
  const rows = aq.from(runs as RunRow[])
    .groupby("rate", "optimizer")
    .rollup({
      w1Mean: aq.op.mean("w1"),
      w1Sd: aq.op.stdev("w1"),
      w2Mean: aq.op.mean("w2"),
      w2Sd: aq.op.stdev("w2"),
      w1Min: aq.op.min("w1"),
      w1Max: aq.op.max("w1"),
      w2Min: aq.op.min("w2"),
      w2Max: aq.op.max("w2"),
      n: aq.op.count(),
    })
    .objects() as SummaryRow[];
  // A single seed has no spread to report; arquero's sample deviation of one value is not 0.
  return rows.map((row) => ({
    ...row,
    w1Sd: row.n > 1 ? row.w1Sd : 0,
    w2Sd: row.n > 1 ? row.w2Sd : 0,
  }));
}
