/**
 * Monte Carlo check of the course's Var(y_L) for PyTorch's default nn.Linear initialisation with
 * identity activations: y_ℓ = A_ℓy_{ℓ−1} + b_ℓ, every entry of A_ℓ and b_ℓ drawn from
 * Uniform(−1/√n_{ℓ−1}, 1/√n_{ℓ−1}), x with i.i.d. entries of mean 0 and variance 1, and a scalar
 * output (n_L = 1).
 *
 * Each sampled network is linear in x: y_L = u·x + c, with u = A_L⋯A_1 and c the biases carried
 * up. The average over inputs is therefore exact given the network, E[y_L | net] = c and
 * E[y_L² | net] = ‖u‖² + c², and only the networks are sampled (a Rao–Blackwellised estimator:
 * same mean as sampling x too, smaller spread).
 */
import { createRng } from "../prng.js";
import { integerAtLeast, seedValue } from "../validate.js";

export interface PytorchMonteCarlo {
  networks: number;
  /** Mean over networks of E[y_L² | net], and its standard error. */
  meanSquare: number;
  meanSquareSe: number;
  /** Mean over networks of E[y_L | net], and its standard error. */
  mean: number;
  meanSe: number;
}

export function pytorchOutputMonteCarlo(
  fanIns: readonly number[],
  networks: number,
  seed: number,
): PytorchMonteCarlo {
  if (!Array.isArray(fanIns) || fanIns.length === 0) {
    throw new RangeError(`widths must be a non-empty array of layer widths; got ${fanIns}`);
  }
  fanIns.forEach((n, i) => integerAtLeast(`width n_${i}`, n, 1));
  integerAtLeast("networks", networks, 2);
  seedValue(seed);
  const rng = createRng(seed);
  const widths = [...fanIns, 1];
  const L = fanIns.length;
  let sum = 0, sumSq = 0, sumC = 0, sumCSq = 0;
  for (let k = 0; k < networks; k++) {
    // Row vector u = A_L ⋯ A_{ℓ+1} and offset c, carried from the output down to the input.
    let u = new Float64Array([1]);
    let c = 0;
    for (let l = L; l >= 1; l--) {
      const rows = widths[l];
      const cols = widths[l - 1];
      const bound = 1 / Math.sqrt(cols);
      const next = new Float64Array(cols);
      for (let i = 0; i < rows; i++) {
        const ui = u[i];
        c += ui * (2 * rng.uniform() - 1) * bound;
        for (let j = 0; j < cols; j++) next[j] += ui * (2 * rng.uniform() - 1) * bound;
      }
      u = next;
    }
    let m2 = c * c;
    for (let j = 0; j < u.length; j++) m2 += u[j] * u[j];
    sum += m2;
    sumSq += m2 * m2;
    sumC += c;
    sumCSq += c * c;
  }
  const n = networks;
  const mean2 = sum / n;
  const meanC = sumC / n;
  const se = (ss: number, m: number) => Math.sqrt(Math.max(0, ss - n * m * m) / (n - 1) / n);
  return {
    networks,
    meanSquare: mean2,
    meanSquareSe: se(sumSq, mean2),
    mean: meanC,
    meanSe: se(sumCSq, meanC),
  };
}
