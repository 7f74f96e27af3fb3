/**
 * The grid of the double-descent page's precomputed sweep (data/double-descent.json), checked:
 * the λ grid comes as {min, max, count} on a log scale, everything else as validateSweepConfig
 * wants it (its messages name each field). A free-text "about" field is ignored.
 */
import { logGrid, type SweepConfig, validateSweepConfig } from "./doubleDescent.js";

export function parseDoubleDescentGrid(raw: unknown): SweepConfig {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const lambdas = g.lambdaGrid as { min?: unknown; max?: unknown; count?: unknown } | undefined;
  if (!lambdas || typeof lambdas !== "object") {
    throw new RangeError(`lambdaGrid must be an object {min, max, count}, got ${String(lambdas)}`);
  }
  const config = {
    seed: g.seed,
    trials: g.trials,
    nTrain: g.nTrain,
    nVal: g.nVal,
    nTest: g.nTest,
    d: g.d,
    sigma: g.sigma,
    lambdaA: g.lambdaA,
    lambdas: logGrid(lambdas.min as number, lambdas.max as number, lambdas.count as number),
    pGrid: g.pGrid,
    spectrumP: g.spectrumP ?? [],
  } as SweepConfig;
  validateSweepConfig(config);
  return config;
}
