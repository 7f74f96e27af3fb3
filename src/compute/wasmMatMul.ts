/**
 * tfjs-backend-wasm (4.22) multiplies with XNNPACK only when neither operand is transposed; a
 * product with `transposeA` or `transposeB` takes a plain loop about twenty times slower (a
 * 256 × 512 by 512 × 512 product: 11 ms against 170 ms here). Every matMul gradient asks for one
 * (dA = dC·Bᵀ, dB = Aᵀ·dC), so training on WebAssembly spent most of its products there.
 *
 * `fastTransposedProducts` re-registers the wasm backend's BatchMatMul kernel so that it
 * transposes a flagged operand first (the backend's own Transpose kernel, a copy) and then takes
 * the fast path. Same products, same sums; only the order in which XNNPACK adds them can differ,
 * at float32 rounding. The live worker calls it once it runs on wasm; other backends are untouched.
 */
import * as tf from "@tensorflow/tfjs-core";

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Re-registers wasm's BatchMatMul (once); false when the wasm kernels are not registered. */
export function fastTransposedProducts(): boolean {
  const original = tf.getKernel("BatchMatMul", "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!original || !transpose) return false;
  if ((original as { fastTransposed?: boolean }).fastTransposed) return true;
  const kernelFunc = (args: KernelArgs) => {
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original.kernelFunc(args);
    const backend = args.backend as tf.KernelBackend;
    const made: tf.TensorInfo[] = [];
    const plain = (x: tf.TensorInfo, flagged: boolean): tf.TensorInfo => {
      if (!flagged) return x;
      const rank = x.shape.length;
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
      const out = transpose.kernelFunc({
        inputs: { x },
        backend,
        attrs: { perm },
      }) as tf.TensorInfo;
      made.push(out);
      return out;
    };
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    try {
      return original.kernelFunc({
        inputs: { a: plain(a, transposeA), b: plain(b, transposeB) },
        backend,
        attrs: { ...args.attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const info of made) backend.disposeData(info.dataId);
    }
  };
  tf.unregisterKernel("BatchMatMul", "wasm");
  tf.registerKernel({ ...original, kernelFunc, fastTransposed: true } as tf.KernelConfig);
  return true;
}
