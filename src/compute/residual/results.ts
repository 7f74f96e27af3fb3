/**
 * The course results the residual page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const residualBrowserTests = "tests/browser/residual.test.ts";
const depthActivationTests = "tests/compute/activations.test.ts";
const blockTests = "tests/compute/residual/block.test.ts";
const mlpTests = "tests/compute/residual/mlp.test.ts";
const liveResidualTests = "tests/compute/residual/liveResidualTf.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "The sigmoid's derivative is σ(x)(1 − σ(x)), at most ¼ (at x = 0); ReLU's derivative is 0 or 1.",
    sources: [["discussion-5", "1(a)"]],
    page: "residual",
    tests: [
      {
        file: depthActivationTests,
        name: "sigmoidDerivative(0) = 1/4 exactly, and σ'(x) < 1/4 for every other x",
      },
      {
        file: depthActivationTests,
        name: "derivative('relu', x) is 0 or 1: 1 for x > 0, 0 otherwise",
      },
    ],
  },
  {
    result: "The residual block with zero biases computes X₁ = ReLU(W₂·ReLU(W₁X₀) + X₀).",
    sources: [["discussion-5", "1(b)"]],
    page: "residual",
    tests: [
      {
        file: blockTests,
        name: "residualBlock(W₁, W₂, X₀) is ReLU(W₂·ReLU(W₁X₀) + X₀), worked by hand",
      },
      {
        file: blockTests,
        name:
          "blockJacobian = D₂(W₂D₁W₁ + I) at 160 points of every case (mixed included), against tfjs autodiff and central differences; without the skip, D₂W₂D₁W₁",
      },
    ],
  },
  {
    result:
      "Its Jacobian is ∂X₁/∂X₀ = D₂(W₂D₁W₁ + I), with D₁ and D₂ the two ReLUs' 0/1 slopes: 0 when the outer ReLU is off, W₂W₁ + I when both ReLUs are on, and I when the inner one is off and X₀ > 0.",
    sources: [["discussion-5", "1(c)"]],
    page: "residual",
    tests: [
      {
        file: blockTests,
        name:
          "caseJacobian('outer-off') = 0 where the outer ReLU is off: equals tfjs autodiff and central differences at 40 points",
      },
      {
        file: blockTests,
        name:
          "caseJacobian('both-on') = W₂W₁ + I where both ReLUs are on: equals tfjs autodiff (float32) and central differences (h = 1e-6) at 40 points",
      },
      {
        file: blockTests,
        name:
          "caseJacobian('inner-off') = I where the inner ReLU is off and X₀ > 0: equals tfjs autodiff and central differences at 40 points",
      },
      {
        file: blockTests,
        name:
          "blockCase: the only masks with a course formula are outer off, both on, and inner off with X₀ > 0",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: each case's button moves X₀ into that case, where the course's Jacobian equals the formula, central differences and tfjs autodiff",
      },
    ],
  },
  {
    result:
      "In an MLP with skips, y_ℓ = σ(A_ℓy_{ℓ−1} + b_ℓ) + y_{ℓ−1}, each layer's Jacobian is ∂y_ℓ/∂y_{ℓ−1} = diag(σ′(A_ℓy_{ℓ−1} + b_ℓ))·A_ℓ + I, and the linear top layer's is A_L.",
    sources: [["homework-6", "3(i)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name: "forwardMlp and outputGradients on a 3-layer ReLU network worked by hand",
      },
      {
        file: mlpTests,
        name:
          "layerJacobian(net, pass, ℓ) = diag(φ′)A_ℓ + I equals central differences of y_{ℓ−1} ↦ y_ℓ (A_ℓ without skips, A_L at the top)",
      },
    ],
  },
  {
    result:
      "Its parameter gradients are ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·diag(σ′) and ∂y_L/∂A_ℓ = diag(σ′)·(∂y_L/∂y_ℓ)ᵀ·y_{ℓ−1}ᵀ, with 1 and y_{L−1}ᵀ at the top layer.",
    sources: [["homework-6", "3(ii)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name:
          "outputGradients(net, x): ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·diag(φ′) and ∂y_L/∂A_ℓ = diag(φ′)(∂y_L/∂y_ℓ)ᵀy_{ℓ−1}ᵀ, with ∂y_L/∂y_ℓ the product of the layer Jacobians",
      },
      {
        file: mlpTests,
        name:
          "outputGradients(net, x) equals tfjs autodiff (tf.grads of y_L, float32) for every A_ℓ and b_ℓ: sigmoid, tanh and ReLU, with and without skips, n = 3 ≠ m = 4",
      },
      {
        file: mlpTests,
        name:
          "outputGradients(net, x) equals central differences of y_L in every A_ℓ and b_ℓ entry (sigmoid and tanh, with and without skips)",
      },
      {
        file: mlpTests,
        name:
          "checkInstance(activation, seed): the page's small network (n = 2, m = 3, L = 5) has formulas equal to tfjs autodiff for every activation and seeds 0–20",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: loads with no console error, draws every chart, and its block, autodiff check and live comparison match the Float64 computations",
      },
    ],
  },
  {
    result:
      "Because of the identity term, the gradient reaching early layers need not vanish when a later layer has A_j = 0 or σ′ = 0.",
    sources: [["homework-6", "3(iii)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name:
          "withIntervention(zero, j): without skips every gradient below layer j is exactly 0; with skips ∂y_L/∂y_{j−1} = ∂y_L/∂y_j and the gradients below j are not 0",
      },
      {
        file: mlpTests,
        name:
          "withIntervention(saturate, j): φ′ = 0 at every unit of layer j for every input; without skips every gradient below j is exactly 0, with skips it passes through unchanged",
      },
      {
        file: liveResidualTests,
        name:
          "runLiveResidual(tf, …) equals the Float64 gradientProfile on the same draws (sigmoid, tanh, ReLU × none, zero, saturate), to float32 precision",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: setting Aⱼ = 0 or saturating layer j makes every gradient below j exactly 0 without skips, while with skips it crosses j unchanged",
      },
    ],
  },
];
