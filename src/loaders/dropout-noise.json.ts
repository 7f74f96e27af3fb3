/**
 * Data loader for the dropout-noise sweep: over seeded regression problems and a grid of keep
 * probabilities, the dropout coefficient path p·w̌(p), the ridge path at the matched λ, a plain
 * ridge over its own log grid of λ, and the test error of each (src/compute/dropout-noise/sweep.ts).
 *
 * Input: data/dropout-noise.json, or the grid file named by the first CLI argument (the
 * tests feed it bad grids that way). The JSON goes to stdout in one write at the end, so a failure
 * leaves stdout empty and Framework caches nothing; progress and errors go to stderr, and any
 * problem exits with status 1. Numbers are rounded to 8 significant digits: the output is the same
 * bytes on every run and every machine, and far finer than the seed-to-seed spread.
 */
import { lambdaGrid, runSweep, type SweepSpec } from "../compute/dropout-noise/sweep.js";
import { keepGrid } from "../compute/tikhonov.js";
import { finiteNumber, integerAtLeast } from "../compute/validate.js";

const round = (v: number) => Number(v.toPrecision(8));

/** The grid file's fields, checked; the keep grid is expanded with keepGrid(count, from). */
export function specFromGrid(raw: unknown): SweepSpec & { note?: string } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const keep = g.keep as { from?: unknown; count?: unknown } | undefined;
  if (keep === null || typeof keep !== "object") {
    throw new RangeError("grid.keep must be an object {from, count}");
  }
  const count = integerAtLeast("grid.keep.count", keep.count, 2, 10_000);
  const from = finiteNumber("grid.keep.from", keep.from);
  const ridge = g.ridgeLambda as { from?: unknown; to?: unknown; count?: unknown } | undefined;
  if (ridge === null || typeof ridge !== "object") {
    throw new RangeError("grid.ridgeLambda must be an object {from, to, count}");
  }
  const lambdas = lambdaGrid(
    finiteNumber("grid.ridgeLambda.from", ridge.from),
    finiteNumber("grid.ridgeLambda.to", ridge.to),
    integerAtLeast("grid.ridgeLambda.count", ridge.count, 2, 10_000),
  );
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  return {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    n: g.n as number,
    d: g.d as number,
    noise: g.noise as number,
    nTest: g.nTest as number,
    seeds: g.seeds as number[],
    keep: keepGrid(count, from),
    lambdas,
  };
}

/** The sweep as the page reads it: the grid, every seed's paths and errors, and the summary. */
export function sweepOutput(spec: SweepSpec & { note?: string }) {
  const { seeds, summary, ridgeGrid, best } = runSweep(spec);
  const r = (values: number[]) => values.map(round);
  return {
    config: { ...spec, keep: r(spec.keep), lambdas: r(spec.lambdas) },
    seeds: seeds.map((s) => ({
      seed: s.seed,
      meanSquaredColumnNorm: round(s.meanSquaredColumnNorm),
      ridgeGridTest: r(s.ridgeGridTest),
      dropout: s.points.map((pt) => r(pt.dropout)),
      ridge: s.points.map((pt) => r(pt.ridge)),
      dropoutTest: r(s.points.map((pt) => pt.dropoutTest)),
      ridgeTest: r(s.points.map((pt) => pt.ridgeTest)),
    })),
    summary: summary.map((row) => ({
      p: round(row.p),
      dropoutMean: round(row.dropoutMean),
      dropoutSd: round(row.dropoutSd),
      ridgeMean: round(row.ridgeMean),
      ridgeSd: round(row.ridgeSd),
    })),
    ridgeGrid: ridgeGrid.map((row) => ({
      lambda: round(row.lambda),
      mean: round(row.mean),
      sd: round(row.sd),
    })),
    best: {
      dropout: { p: round(best.dropout.p), test: round(best.dropout.test) },
      ridge: { p: round(best.ridge.p), test: round(best.ridge.test) },
      ridgeGrid: { lambda: round(best.ridgeGrid.lambda), test: round(best.ridgeGrid.test) },
    },
  };
}

if (import.meta.main) {
  const started = performance.now();
  const path = Deno.args[0] ??
    new URL("../../data/dropout-noise.json", import.meta.url).pathname;
  let output = "";
  try {
    const spec = specFromGrid(JSON.parse(await Deno.readTextFile(path)));
    console.error(
      `dropout-noise: ${spec.seeds.length} problems × ${spec.keep.length} keep probabilities from ${path}`,
    );
    output = JSON.stringify(sweepOutput(spec));
  } catch (error) {
    console.error(`dropout-noise: FAILED (${path}): ${(error as Error).message}`);
    Deno.exit(1);
  }
  console.log(output);
  console.error(`dropout-noise: done in ${(performance.now() - started).toFixed(0)} ms`);
}
