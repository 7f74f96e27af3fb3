/**
 * The grid of the dropout-noise page's precomputed sweep (data/dropout-noise.json), checked: the
 * keep probabilities come as {from, count} and are expanded with keepGrid, the plain ridge's own
 * penalties as {from, to, count} on a log scale. Every message names the field; the problem sizes
 * and seeds are checked by the sweep itself (checkSweepSpec and the problem generator).
 */
import { keepGrid } from "../tikhonov.js";
import { finiteNumber, integerAtLeast } from "../validate.js";
import { lambdaGrid, type SweepSpec } from "./sweep.js";

export type NoiseGrid = SweepSpec & { note?: string };

export function parseNoiseGrid(raw: unknown): NoiseGrid {
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
