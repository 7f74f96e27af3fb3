/**
 * Everything the residual page says about its two-dimensional block at one point X₀: the forward
 * pass, the case, the Jacobian by the formula, by the course's case and by central differences,
 * how far the nearest ReLU switch is, and the spectral norms with and without the skip. Pure
 * double precision; the page and its live autodiff check (liveBlock.ts) read the same values.
 */
import {
  blockCase,
  blockJacobian,
  caseJacobian,
  centralDifferenceJacobian,
  kinkMargin,
  type Matrix,
  maxAbsDifference,
  residualBlock,
  spectralNorm2x2,
} from "./block.js";

export function blockReadout(w1: Matrix, w2: Matrix, x0: readonly number[]) {
  const pass = residualBlock(w1, w2, x0);
  const kind = blockCase(pass, x0);
  const formula = blockJacobian(w1, w2, x0);
  const fd = centralDifferenceJacobian((x) => residualBlock(w1, w2, x).out, x0);
  return {
    pass,
    kind,
    formula,
    /** The course's Jacobian for this case, or null where none of its three cases applies. */
    course: caseJacobian(kind, w1, w2) ?? null,
    fd,
    fdError: maxAbsDifference(formula, fd),
    margin: kinkMargin(w1, w2, x0),
    /** ‖∂X₁/∂X₀‖₂ with the skip, and ‖D₂W₂D₁W₁‖₂ of the same block without it. */
    normSkip: spectralNorm2x2(formula),
    normPlain: spectralNorm2x2(blockJacobian(w1, w2, x0, { skip: false })),
  };
}
