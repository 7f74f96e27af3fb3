/**
 * Initialisation through depth: theory against Monte Carlo for every scheme × activation × width
 * of the grid, at every layer of a deep network (forward pre-activation variance, backward squared
 * gradient, and for some activations the gradient reaching the input as depth grows, with its
 * bound), plus the course's check of PyTorch's default at widths [100, 50, 50, 20].
 *
 * Input: data/initialisation.json, or the file named by the first argument or by the
 * INIT_VARIANCE_GRID environment variable (the tests feed it bad grids that way). stdout gets the
 * JSON once, at the end; progress and timing go to stderr; any failure exits 1 with nothing on
 * stdout. The output depends only on the grid (seeded draws, no clock).
 */
import { type Activation, activationName } from "../compute/activations.js";
import {
  runExperiment,
  type SeriesResult,
  type SpreadColumns,
} from "../compute/initialisation/experiment.js";
import { pytorchOutputMonteCarlo } from "../compute/initialisation/pytorchMonteCarlo.js";
import {
  HE,
  PYTORCH,
  pytorchOutputVariance,
  pytorchVarianceRecursion,
  scaledScheme,
  type Scheme,
  XAVIER,
} from "../compute/schemes.js";
import { inRange, integerAtLeast, seedValue } from "../compute/validate.js";

interface WidthEntry {
  width: number;
  networks: number;
  batch: number;
}

interface Grid {
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

function gridPath(): string {
  if (Deno.args[0]) return Deno.args[0];
  const env = Deno.permissions.querySync({ name: "env", variable: "INIT_VARIANCE_GRID" });
  const fromEnv = env.state === "granted" ? Deno.env.get("INIT_VARIANCE_GRID") : undefined;
  return fromEnv || new URL("../../data/initialisation.json", import.meta.url).pathname;
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

function parseGrid(raw: unknown): Grid {
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

/** Five significant digits: far below the Monte Carlo spread, and a smaller file. */
const round = (x: number) => Number(x.toPrecision(5));
const roundAll = (xs: number[]) => xs.map(round);
const roundColumns = (c: SpreadColumns) => ({
  mean: roundAll(c.mean),
  se: roundAll(c.se),
  p10: roundAll(c.p10),
  p90: roundAll(c.p90),
});

function seriesOutput(r: SeriesResult, entry: WidthEntry) {
  return {
    scheme: r.scheme,
    activation: r.activation,
    width: r.width,
    networks: entry.networks,
    batch: entry.batch,
    theory: {
      pre: roundAll(r.theory.preVariance),
      grad: roundAll(r.theory.gradMeanSquare),
      inputGrad: roundAll(r.theory.inputGradMeanSquare),
      slope: roundAll(r.theory.slopeMeanSquare),
    },
    pre: roundColumns(r.pre),
    grad: roundColumns(r.grad),
    slope: roundAll(r.slope.mean),
    ...(r.inputGrad ? { inputGrad: roundColumns(r.inputGrad), bound: roundAll(r.bound!) } : {}),
  };
}

function compute(grid: Grid, log: (line: string) => void) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { widths: fanIns, networks, seed } = grid.pytorchCheck;
  const mc = pytorchOutputMonteCarlo(fanIns, networks, seed);
  log(`initialisation: PyTorch check, ${networks} networks [${elapsed()}]`);
  const series = [];
  for (const [i, entry] of grid.widths.entries()) {
    const results = runExperiment({
      ...entry,
      depth: grid.depth,
      // One seed per width, spread so that no two widths share a stream.
      seed: (grid.seed + 7919 * (i + 1)) >>> 0,
      schemes: grid.schemes,
      activations: grid.activations,
      inputGradActivations: grid.inputGradActivations,
      spectralIterations: grid.spectralIterations,
    });
    series.push(...results.map((r) => seriesOutput(r, entry)));
    log(`initialisation: width ${entry.width}, ${entry.networks} networks [${elapsed()}]`);
  }
  return {
    config: { ...grid, schemes: grid.schemes.map((s) => ({ ...s, gain: round(s.gain) })) },
    pytorchCheck: {
      widths: fanIns,
      formula: pytorchOutputVariance(fanIns),
      recursion: pytorchVarianceRecursion(fanIns),
      monteCarlo: {
        networks: mc.networks,
        meanSquare: round(mc.meanSquare),
        meanSquareSe: round(mc.meanSquareSe),
        mean: round(mc.mean),
        meanSe: round(mc.meanSe),
      },
    },
    series,
  };
}

/** The grid file as a checked Grid; every failure names the file. */
async function readGrid(path: string): Promise<Grid> {
  const text = await Deno.readTextFile(path).catch((e: Error) => {
    throw new Error(`cannot read grid ${path}: ${e.message}`);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`grid ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseGrid(raw);
}

async function main(): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.error(line);
  const path = gridPath();
  const output = await readGrid(path).then((grid) => {
    log(
      `initialisation: ${grid.schemes.length} schemes × ${grid.activations.length} activations × ` +
        `${grid.widths.length} widths, depth ${grid.depth}, from ${path}`,
    );
    return JSON.stringify(compute(grid, log));
  }).catch((e: Error) => {
    log(`initialisation: FAILED: ${e.message}`);
    return undefined;
  });
  if (output === undefined) return 1;
  console.log(output);
  const kb = (new TextEncoder().encode(output).length / 1024).toFixed(0);
  log(`initialisation: done in ${((performance.now() - started) / 1000).toFixed(1)} s, ${kb} KiB`);
  return 0;
}

if (import.meta.main) Deno.exit(await main());
