/**
 * The layers of parameterCounts.ts built with real tfjs layers (`tf.layers`), so their counts can
 * be read from the library's own countParams(). The full tfjs namespace is passed in; every model
 * is disposed before the function returns.
 *
 * tfjs-layers has no `groups` option for conv2d, so a grouped convolution is built as what it is:
 * g inputs of C_in/g channels, each with its own conv2d to C_out/g channels, concatenated.
 */
import type * as Tfjs from "@tensorflow/tfjs";
import type {
  BottleneckOptions,
  GroupedOptions,
  SeparableOptions,
  SplitOptions,
  StandardOptions,
} from "../../src/compute/parameterCounts.js";

type Tf = typeof Tfjs;
type SymbolicTensor = Tfjs.SymbolicTensor;

function countOf(tf: Tf, inputs: SymbolicTensor[], output: SymbolicTensor): number {
  const model = tf.model({ inputs, outputs: output });
  try {
    return model.countParams();
  } finally {
    model.dispose();
  }
}

const imageInput = (tf: Tf, channels: number) => tf.input({ shape: [null, null, channels] });

function conv(tf: Tf, filters: number, kernel: number, useBias: boolean, x: SymbolicTensor) {
  return tf.layers
    .conv2d({ filters, kernelSize: kernel, padding: "same", useBias })
    .apply(x) as SymbolicTensor;
}

export function standardLayerCount(tf: Tf, o: StandardOptions): number {
  const input = imageInput(tf, o.inChannels);
  return countOf(tf, [input], conv(tf, o.outChannels, o.kernel, o.bias, input));
}

/**
 * "none" and "pointwise": one separableConv2d layer (its bias belongs to the pointwise part).
 * "both": a depthwiseConv2d with its own biases followed by a 1×1 conv2d.
 */
export function separableLayerCount(tf: Tf, o: SeparableOptions): number {
  const input = imageInput(tf, o.inChannels);
  if (o.bias !== "both") {
    const layer = tf.layers.separableConv2d({
      filters: o.outChannels,
      kernelSize: o.kernel,
      padding: "same",
      useBias: o.bias === "pointwise",
    });
    return countOf(tf, [input], layer.apply(input) as SymbolicTensor);
  }
  return countOf(
    tf,
    [input],
    conv(tf, o.outChannels, 1, true, depthwise(tf, o.kernel, true, input)),
  );
}

function depthwise(tf: Tf, kernel: number, useBias: boolean, x: SymbolicTensor) {
  return tf.layers
    .depthwiseConv2d({ kernelSize: kernel, padding: "same", useBias })
    .apply(x) as SymbolicTensor;
}

/** A depthwise k×k and a pointwise 1×1 as two separate layers, biases on both or neither. */
export function depthwiseThenPointwiseCount(
  tf: Tf,
  o: Omit<SeparableOptions, "bias"> & { bias: boolean },
): number {
  const input = imageInput(tf, o.inChannels);
  const middle = depthwise(tf, o.kernel, o.bias, input);
  return countOf(tf, [input], conv(tf, o.outChannels, 1, o.bias, middle));
}

/** g inputs of C_in/g channels, one conv2d each to C_out/g channels, concatenated. */
export function groupedLayerCount(tf: Tf, o: GroupedOptions): number {
  const inputs = Array.from({ length: o.groups }, () => imageInput(tf, o.inChannels / o.groups));
  const outputs = inputs.map((x) => conv(tf, o.outChannels / o.groups, o.kernel, o.bias, x));
  const merged = outputs.length === 1
    ? outputs[0]
    : (tf.layers.concatenate().apply(outputs) as SymbolicTensor);
  return countOf(tf, inputs, merged);
}

function threeLayers(tf: Tf, x: SymbolicTensor, channels: number, width: number, kernel: number) {
  const relu = (t: SymbolicTensor) => tf.layers.reLU().apply(t) as SymbolicTensor;
  const a = relu(conv(tf, width, 1, true, x));
  const b = relu(conv(tf, width, kernel, true, a));
  return relu(conv(tf, channels, 1, true, b));
}

export function bottleneckLayerCount(tf: Tf, o: BottleneckOptions): number {
  const input = imageInput(tf, o.channels);
  return countOf(tf, [input], threeLayers(tf, input, o.channels, o.width, o.kernel ?? 3));
}

/** P paths of conv-ReLU ×3, summed by an add layer (no ReLU after the sum). */
export function splitTransformMergeLayerCount(tf: Tf, o: SplitOptions): number {
  const input = imageInput(tf, o.channels);
  const paths = Array.from(
    { length: o.paths },
    () => threeLayers(tf, input, o.channels, o.width, o.kernel ?? 3),
  );
  const sum = paths.length === 1 ? paths[0] : (tf.layers.add().apply(paths) as SymbolicTensor);
  return countOf(tf, [input], sum);
}

/**
 * The split-transform-merge block with one grouped middle layer (ResNeXt's form): 1×1 C → P·d,
 * k×k in P groups, 1×1 P·d → C, biases on all. tfjs-layers can neither group a conv2d nor slice
 * channels, so the 1×1 reduce is built as P conv2d layers of C → d each, which are its P slices of
 * d output channels (the same weights and biases, the same function); each slice goes through its
 * own k×k conv2d (the groups), and the concatenated P·d channels meet one 1×1 conv2d back to C.
 */
export function groupedBlockLayerCount(tf: Tf, o: SplitOptions): number {
  const input = imageInput(tf, o.channels);
  const relu = (t: SymbolicTensor) => tf.layers.reLU().apply(t) as SymbolicTensor;
  const groups = Array.from({ length: o.paths }, () => {
    const reduced = relu(conv(tf, o.width, 1, true, input));
    return relu(conv(tf, o.width, o.kernel ?? 3, true, reduced));
  });
  const merged = groups.length === 1
    ? groups[0]
    : (tf.layers.concatenate().apply(groups) as SymbolicTensor);
  return countOf(tf, [input], conv(tf, o.channels, 1, true, merged));
}
