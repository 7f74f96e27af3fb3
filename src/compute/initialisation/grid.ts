/**
 * The grid of the initialisation page's precomputed experiment (data/initialisation.json),
 * checked: the schemes (by name, or a σ-scaled one), activations, widths with their network counts
 * and batch sizes, the depth, and the PyTorch check. Every message names the field.
 */
import { type Activation, activationName } from "../activations.js";
import { HE, PYTORCH, scaledScheme, type Scheme, XAVIER } from "../schemes.js";
import { inRange, integerAtLeast, seedValue } from "../validate.js";

export interface WidthEntry {
  width: number;
  networks: number;
  batch: number;
}

export interface InitialisationGrid {
  note?: string;
  seed: number;
  depth: number;
  schemes: Scheme[];
  activations: Activation[];
  inputGradActivations: Activation[];
  widths: WidthEntry[];
  spectralIterations: number;
  pytorchCheck: { widths: number[]; networks: number; seed: number };
}

function list(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RangeError(`grid.${name} must be a non-empty array; got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseScheme(raw: unknown, i: number): Scheme {
  const s = raw as { name?: unknown; sigma?: unknown } | null;
  const where = `grid.schemes[${i}]`;
  if (s === null || typeof s !== "object") throw new RangeError(`${where} must be an object`);
  switch (s.name) {
    case "pytorch":
      return PYTORCH;
    case "xavier":
      return XAVIER;
    case "he":
      return HE;
    case "sigma":
      return scaledScheme(inRange(`${where}.sigma`, s.sigma, { min: 0.01, max: 10 }));
    default:
      throw new RangeError(
        `${where}.name must be one of "pytorch", "xavier", "he", "sigma"; got ${
          JSON.stringify(s.name)
        }`,
      );
  }
}

export function parseInitialisationGrid(raw: unknown): InitialisationGrid {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const activations = list("activations", g.activations).map((a, i) =>
    activationName(a, `grid.activations[${i}]`)
  );
  const inputGrad = (Array.isArray(g.inputGradActivations) ? g.inputGradActivations : []).map(
    (a, i) => activationName(a, `grid.inputGradActivations[${i}]`),
  );
  const widths = list("widths", g.widths).map((w, i) => {
    const e = w as Record<string, unknown>;
    const where = `grid.widths[${i}]`;
    if (e === null || typeof e !== "object") throw new RangeError(`${where} must be an object`);
    return {
      width: integerAtLeast(`${where}.width`, e.width, 1, 4096),
      networks: integerAtLeast(`${where}.networks`, e.networks, 2, 100_000),
      batch: integerAtLeast(`${where}.batch`, e.batch, 1, 4096),
    };
  });
  const check = g.pytorchCheck as Record<string, unknown> | undefined;
  if (check === null || typeof check !== "object") {
    throw new RangeError("grid.pytorchCheck must be an object {widths, networks, seed}");
  }
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  return {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    seed: seedValue(g.seed, "grid.seed"),
    depth: integerAtLeast("grid.depth", g.depth, 1, 200),
    schemes: list("schemes", g.schemes).map(parseScheme),
    activations,
    inputGradActivations: inputGrad,
    widths,
    spectralIterations: integerAtLeast("grid.spectralIterations", g.spectralIterations, 1, 1000),
    pytorchCheck: {
      widths: list("pytorchCheck.widths", check.widths).map((n, i) =>
        integerAtLeast(`grid.pytorchCheck.widths[${i}]`, n, 1, 100_000)
      ),
      networks: integerAtLeast("grid.pytorchCheck.networks", check.networks, 2, 1_000_000),
      seed: seedValue(check.seed, "grid.pytorchCheck.seed"),
    },
  };
}
