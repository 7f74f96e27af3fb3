/**
 * Learnable parameters of convolution layers, counted part by part: weights and biases of each
 * layer, with the product that gives each count. tests/reference/layersTf.test.ts checks
 * every count against real tfjs layers' countParams().
 *
 * Standard k×k, C_in → C_out:            C_out·C_in·k² weights, C_out biases.
 * Grouped, g groups:                     C_out·(C_in/g)·k² weights (g divides both), C_out biases.
 * Depthwise-separable (multiplier 1):    depthwise C_in·k² (+ C_in biases), then pointwise 1×1
 *                                        C_in·C_out (+ C_out biases).
 * Bottleneck C → w → w → C (1×1, k×k, 1×1, biases on all three).
 * Split-transform-merge: P paths of C → d → d → C, summed.
 */
import { integerAtLeast, oneOf } from "./validate.js";

export interface CountPart {
  /** The layer the part belongs to, e.g. "depthwise 3×3" or "path layer 2 (3×3)". */
  layer: string;
  kind: "weights" | "biases";
  count: number;
  /** How the count is made, in plain Unicode: "4 · 3 · 3²". */
  formula: string;
}

export interface ParameterCount {
  parts: CountPart[];
  total: number;
}

const MAX_CHANNELS = 1_000_000;
const MAX_KERNEL = 1_000;

const channels = (name: string, value: unknown) => integerAtLeast(name, value, 1, MAX_CHANNELS);
const kernelSize = (value: unknown) => integerAtLeast("kernel size", value, 1, MAX_KERNEL);

/** The checked channel counts and kernel size of one layer. */
function layerShape(o: { inChannels: unknown; outChannels: unknown; kernel: unknown }) {
  return {
    cin: channels("input channels", o.inChannels),
    cout: channels("output channels", o.outChannels),
    k: kernelSize(o.kernel),
  };
}

function counted(parts: CountPart[]): ParameterCount {
  return { parts, total: parts.reduce((sum, part) => sum + part.count, 0) };
}

const times = (...factors: (number | string)[]) => factors.join(" · ");
const square = (k: number) => `${k}²`;

export interface StandardOptions {
  inChannels: number;
  outChannels: number;
  kernel: number;
  bias: boolean;
}

export function standardConvParams(options: StandardOptions): ParameterCount {
  const { cin, cout, k } = layerShape(options);
  const bias = options.bias;
  const layer = `standard ${k}×${k}`;
  return counted([
    { layer, kind: "weights", count: cout * cin * k * k, formula: times(cout, cin, square(k)) },
    ...(bias ? [{ layer, kind: "biases" as const, count: cout, formula: String(cout) }] : []),
  ]);
}

const SEPARABLE_BIASES = ["none", "pointwise", "both"] as const;
export type SeparableBias = (typeof SEPARABLE_BIASES)[number];

export interface SeparableOptions {
  inChannels: number;
  outChannels: number;
  kernel: number;
  /** Which of the two parts carry biases: none, the pointwise part only, or both. */
  bias: SeparableBias;
}

export function separableConvParams(options: SeparableOptions): ParameterCount {
  const { cin, cout, k } = layerShape(options);
  const bias = oneOf("biases", options.bias, SEPARABLE_BIASES);
  const depthwise = `depthwise ${k}×${k}`;
  const pointwise = "pointwise 1×1";
  return counted([
    { layer: depthwise, kind: "weights", count: cin * k * k, formula: times(cin, square(k)) },
    ...(bias === "both"
      ? [{ layer: depthwise, kind: "biases" as const, count: cin, formula: String(cin) }]
      : []),
    { layer: pointwise, kind: "weights", count: cin * cout, formula: times(cout, cin) },
    ...(bias !== "none"
      ? [{ layer: pointwise, kind: "biases" as const, count: cout, formula: String(cout) }]
      : []),
  ]);
}

export interface GroupedOptions extends StandardOptions {
  groups: number;
}

/** A grouped convolution: g independent convolutions, each C_in/g → C_out/g channels. */
export function groupedConvParams(options: GroupedOptions): ParameterCount & {
  groupIn: number;
  groupOut: number;
} {
  const { cin, cout, k } = layerShape(options);
  const g = integerAtLeast("groups", options.groups, 1, MAX_CHANNELS);
  if (cin % g !== 0 || cout % g !== 0) {
    throw new RangeError(
      `groups must divide both channel counts: ${g} groups cannot split ${cin} input and ${cout} output channels evenly`,
    );
  }
  const groupIn = cin / g;
  const groupOut = cout / g;
  const layer = `grouped ${k}×${k}, ${g} group${g === 1 ? "" : "s"}`;
  return {
    groupIn,
    groupOut,
    ...counted([
      {
        layer,
        kind: "weights",
        count: cout * groupIn * k * k,
        formula: times(g, groupOut, groupIn, square(k)),
      },
      ...(options.bias
        ? [{ layer, kind: "biases" as const, count: cout, formula: String(cout) }]
        : []),
    ]),
  };
}

/** The divisors of n in increasing order: the group counts a layer of n channels allows. */
export function divisors(n: number): number[] {
  integerAtLeast("n", n, 1, MAX_CHANNELS);
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      small.push(d);
      if (d * d !== n) large.unshift(n / d);
    }
  }
  return [...small, ...large];
}

export interface BlockLayer {
  name: string;
  kernel: number;
  inChannels: number;
  outChannels: number;
  /** How many copies (paths) of this layer there are. */
  copies: number;
  weights: number;
  biases: number;
}

export interface BlockCount extends ParameterCount {
  layers: BlockLayer[];
}

function blockCount(layers: BlockLayer[]): BlockCount {
  const parts = layers.flatMap((l): CountPart[] => {
    const prefix = l.copies > 1 ? [l.copies] : [];
    return [
      {
        layer: l.name,
        kind: "weights",
        count: l.weights,
        formula: times(
          ...prefix,
          l.outChannels,
          l.inChannels,
          ...(l.kernel > 1 ? [square(l.kernel)] : []),
        ),
      },
      { layer: l.name, kind: "biases", count: l.biases, formula: times(...prefix, l.outChannels) },
    ];
  });
  return { layers, ...counted(parts) };
}

function convLayer(name: string, k: number, cin: number, cout: number, copies = 1): BlockLayer {
  return {
    name,
    kernel: k,
    inChannels: cin,
    outChannels: cout,
    copies,
    weights: copies * cout * cin * k * k,
    biases: copies * cout,
  };
}

export interface BottleneckOptions {
  /** Channels in and out of the block (256 in the seed). */
  channels: number;
  /** Channels inside (128 in the seed). */
  width: number;
  /** Middle kernel size (3). */
  kernel?: number;
}

/** 1×1 C → w, k×k w → w, 1×1 w → C, all with biases. */
export function bottleneckParams(
  { channels: c, width, kernel = 3 }: BottleneckOptions,
): BlockCount {
  const C = channels("block channels", c);
  const w = channels("bottleneck width", width);
  const k = kernelSize(kernel);
  return blockCount([
    convLayer("1×1 reduce", 1, C, w),
    convLayer(`${k}×${k}`, k, w, w),
    convLayer("1×1 expand", 1, w, C),
  ]);
}

export interface SplitOptions {
  channels: number;
  /** Number of parallel paths (32 in the seed). */
  paths: number;
  /** Channels inside each path (4 in the seed). */
  width: number;
  kernel?: number;
}

function splitShape({ channels: c, paths, width, kernel = 3 }: SplitOptions) {
  return {
    C: channels("block channels", c),
    P: integerAtLeast("paths", paths, 1, MAX_CHANNELS),
    d: channels("path width", width),
    k: kernelSize(kernel),
  };
}

/** P paths of 1×1 C → d, k×k d → d, 1×1 d → C (biases on all), whose outputs are summed. */
export function splitTransformMergeParams(options: SplitOptions): BlockCount {
  const { C, P, d, k } = splitShape(options);
  return blockCount([
    convLayer("paths' 1×1 reduce", 1, C, d, P),
    convLayer(`paths' ${k}×${k}`, k, d, d, P),
    convLayer("paths' 1×1 expand", 1, d, C, P),
  ]);
}

/**
 * The same block written with one grouped convolution (ResNeXt's equivalent form): 1×1 C → P·d,
 * k×k with P groups, 1×1 P·d → C. Only the output biases differ from the P summed paths: the
 * paths carry P·C of them; when the paths end without a ReLU (as in ResNeXt) they only ever appear
 * summed, and one set of C does their job.
 */
export function groupedBlockParams(options: SplitOptions): BlockCount {
  const { C, P, d, k } = splitShape(options);
  const middle: BlockLayer = {
    ...convLayer(`${k}×${k}, ${P} groups`, k, d, d, P),
    copies: 1,
    inChannels: P * d,
    outChannels: P * d,
  };
  const layers = [
    convLayer("1×1 reduce", 1, C, P * d),
    middle,
    convLayer("1×1 expand", 1, P * d, C),
  ];
  const count = blockCount(layers);
  // The grouped layer's weights are P blocks of d·d·k²; say so in its formula.
  count.parts[2] = { ...count.parts[2], formula: times(P, d, d, square(k)) };
  return count;
}
