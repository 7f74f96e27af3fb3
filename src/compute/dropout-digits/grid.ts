/**
 * The grid of the dropout-digits page's precomputed runs (data/dropout-digits.json), checked with
 * the trainer's own bounds (resolveMlpOptions): the settings every run shares, the keep
 * probabilities of the runs with dropout, and the seeds. Every message names the field.
 */
import { seedValue } from "../validate.js";
import { type DigitMlpOptions, resolveMlpOptions } from "./mlpOptions.js";

export interface DigitGrid {
  note?: string;
  /** Settings shared by every run; keepInput and keepHidden are 1 for the run without dropout. */
  base: Omit<DigitMlpOptions, "seed" | "keepInput" | "keepHidden">;
  dropout: { keepInput: number; keepHidden: number };
  seeds: number[];
}

export function parseDigitGrid(raw: unknown): DigitGrid {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const dropout = g.dropout as Record<string, unknown> | undefined;
  if (dropout === null || typeof dropout !== "object") {
    throw new RangeError("grid.dropout must be an object {keepInput, keepHidden}");
  }
  if (!Array.isArray(g.seeds) || g.seeds.length === 0) {
    throw new RangeError("grid.seeds must be a non-empty array of seeds");
  }
  const seeds = g.seeds.map((s, i) => seedValue(s, `grid.seeds[${i}]`));
  if (new Set(seeds).size !== seeds.length) throw new RangeError("grid.seeds repeats a seed");
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  const { keepInput, keepHidden, seed: _, ...base } = resolveMlpOptions({
    hidden: g.hidden as number,
    batchSize: g.batchSize as number,
    learningRate: g.learningRate as number,
    epochs: g.epochs as number,
    strength: g.strength as number,
    perClass: g.perClass as number,
    keepInput: dropout.keepInput as number,
    keepHidden: dropout.keepHidden as number,
    seed: seeds[0],
  });
  return {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    base,
    dropout: { keepInput, keepHidden },
    seeds,
  };
}
