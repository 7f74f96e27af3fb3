/**
 * The grid of the cnn-training page's precomputed runs (data/cnn-training.json), checked: the
 * seeds (at least two, for a spread), the settings every run shares (with the same checks as a run
 * from the page, for every combination) and the run whose trained weights are shipped. Every
 * message names the field.
 */
import { seedValue } from "../validate.js";
import type { Combination } from "./runSummary.js";
import { checkCnnSettings, type CnnSettings } from "./settings.js";

export interface CnnGrid {
  note?: string;
  seeds: number[];
  /** Everything but the two switches and the seed. */
  settings: Omit<CnnSettings, "batchNorm" | "dropout" | "seed">;
  /** The run whose trained weights are shipped. */
  network: Combination & { seed: number };
}

function object(name: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new RangeError(`${name} must be a JSON object; got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** The grid file's contents, checked; every message names the field. */
export function parseCnnGrid(raw: unknown): CnnGrid {
  const g = object("grid", raw);
  if (!Array.isArray(g.seeds) || g.seeds.length < 2) {
    throw new RangeError(
      `grid.seeds must list at least two seeds (a spread needs two); got ${
        JSON.stringify(g.seeds)
      }`,
    );
  }
  const seeds = g.seeds.map((s, i) => seedValue(s, `grid.seeds[${i}]`));
  if (new Set(seeds).size !== seeds.length) throw new RangeError("grid.seeds must not repeat");
  const s = object("grid.settings", g.settings);
  const settings = {
    dropRate: s.dropRate as number,
    batchSize: s.batchSize as number,
    learningRate: s.learningRate as number,
    epochs: s.epochs as number,
  };
  // The same checks as a run from the page, for every combination.
  checkCnnSettings({ ...settings, batchNorm: true, dropout: true, seed: seeds[0] });
  const n = object("grid.network", g.network);
  const network = {
    batchNorm: n.batchNorm === true,
    dropout: n.dropout === true,
    seed: seedValue(n.seed, "grid.network.seed"),
  };
  if (!seeds.includes(network.seed)) {
    throw new RangeError(`grid.network.seed (${network.seed}) must be one of grid.seeds`);
  }
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  return { ...(typeof g.note === "string" ? { note: g.note } : {}), seeds, settings, network };
}
