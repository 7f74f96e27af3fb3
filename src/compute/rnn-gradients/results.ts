/**
 * The course results the rnn-gradients page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const rnnBrowserTests = "tests/browser/rnn-gradients.test.ts";
const rnnRecurrenceTests = "tests/compute/rnn-gradients/recurrence.test.ts";
const rnnJacobianTests = "tests/compute/rnn-gradients/jacobian.test.ts";
const rnnExampleTests = "tests/compute/rnn-gradients/examples.test.ts";
const brnnTests = "tests/compute/rnn-gradients/brnn.test.ts";
const brnnTfTests = "tests/compute/rnn-gradients/brnnTf.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "The recurrence hₜ = Wσ(hₜ₋₁) + Uxₜ + b is the usual RNN gₜ = σ(Wgₜ₋₁ + Uxₜ + b) written for gₜ = σ(hₜ).",
    sources: [["worked-exercises", "5.1"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnRecurrenceTests,
        name:
          "conventionalStates: gₜ = σ(Wgₜ₋₁ + Uxₜ + b) equals σ(hₜ) at every step, for every activation",
      },
    ],
  },
  {
    result:
      "If |σ′| ≤ γ and λ₁(WᵀW) ≤ δ²/γ² with δ < 1, then ‖∂h_T/∂h₀‖ ≤ δ^T → 0: the gradient through time vanishes.",
    sources: [["worked-exercises", "5.2"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnRecurrenceTests,
        name:
          "slopeCeiling: sigmoid's γ = 1/4 (at 0), tanh's γ = 1 (at 0), ReLU's γ = 1 (for every x > 0), the largest slope on a fine grid",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: ‖∂hₜ/∂h₀‖ is the norm of ∏ W·diag(σ′(hₜ₋₁)) multiplied out plainly, and of central finite differences",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: the bound ‖∂hₜ/∂h₀‖ ≤ (γs)ᵗ holds at every step on 300 random instances",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: with δ = γs < 1 the gradient vanishes: ‖∂h_T/∂h₀‖ ≤ δ^T, 0.9^500 ≈ 1.3e-23 at T = 500",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: orthogonal W resting where σ′ = γ (tanh and sigmoid at c = 0, ReLU at c > 0) meets the bound (γs)ᵗ at every step",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: nearly tight in the linear-ish regime (orthogonal, tanh, a = 0.05): the rate ‖∂h_T/∂h₀‖^(1/T) is within 2 % of γs; loose for Gaussian W: below 0.7γs",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: the live ‖∂hₜ/∂h₀‖ is the compute module's exact Jacobian product and stays under (γs)ᵗ, with no console error",
      },
    ],
  },
  {
    result:
      "The reverse condition, λ₁(WᵀW) > δ²/γ², is needed for the gradient to explode but does not make it explode.",
    sources: [["worked-exercises", "5.3"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnExampleTests,
        name:
          "necessary: on 200 random instances with γs ≤ 1 the gradient never grows, ‖∂hₜ/∂h₀‖ ≤ 1 at every step",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: tanh with s = 2 (γs = 2) resting at c = 1.5 vanishes as (2·tanh′(1.5))ᵗ ≈ 0.361ᵗ, 10^−26.5 at T = 60 against the bound 2⁶⁰ ≈ 1.15e18",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: the same W (γs = 2) driven by inputs of size a = 3 saturates and its gradient vanishes, below 1e-8 at T = 60 for seeds 1–5",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: ReLU with s = 1.2 (γs = 1.2), resting at its kink, on seed 1 vanishes below 10^−2 at T = 60; over the slider's seeds 0–100 the share of units on averages 0.37 to 0.77 (median 0.50) and the runs end at a median of 10^−4.3, 14 of 101 above 1 and 5 above 100",
      },
      {
        file: rnnExampleTests,
        name:
          "robustness: on 500 fresh seeds (101–600) the ReLU instance ends above 1 and above 100 about as often as on the slider's seeds (within 5 and 3 points) and its median within half a decade",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: moving the controls moves the chart onto its theory: the bound itself at rest for orthogonal W, (s·σ′(c))ᵗ ≪ (γs)ᵗ when saturated at γs = 2 > 1, far below it for Gaussian W",
      },
    ],
  },
  {
    result:
      "In a bidirectional sigmoid RNN with squared loss, the gradient of L_t with respect to hₜᶠ is −2Vᶠᵀ(zₜ − yₜ), and ∂hₜ₊₁ᶠ/∂hₜᶠ = diag(hₜ₊₁ᶠ ⊙ (1 − hₜ₊₁ᶠ))·Uᶠ; the backward chain mirrors both.",
    sources: [["worked-exercises", "6.2"]],
    page: "rnn-gradients",
    tests: [
      {
        file: brnnTests,
        name:
          "brnnStateGradients: the local terms ∇_{hₜᶠ}Lₜ = −2Vᶠᵀ(zₜ − yₜ) and ∇_{hₜᵇ}Lₜ = −2Vᵇᵀ(zₜ − yₜ) are the whole gradient at the chains' ends, by finite differences",
      },
      {
        file: brnnTests,
        name:
          "brnnDirectPass: ∂hₜ₊₁ᶠ/∂hₜᶠ = diag(hₜ₊₁ᶠ(1 − hₜ₊₁ᶠ))Uᶠ and ∂hₜ₋₁ᵇ/∂hₜᵇ = diag(hₜ₋₁ᵇ(1 − hₜ₋₁ᵇ))Uᵇ, by finite differences",
      },
      {
        file: brnnTests,
        name:
          "brnnStateGradients: ∇_{hₜᶠ}L and ∇_{hₜᵇ}L by the course's recursions match central finite differences at every t, initial states included",
      },
      {
        file: "tests/compute/rnn-gradients/unrolledGraph.test.ts",
        name:
          "gradientSources: ∇_{hₜᶠ}L gathers yₜ and hₜ₊₁ᶠ, ∇_{hₜᵇ}L gathers yₜ and hₜ₋₁ᵇ, the chains' ends and initial states one term each",
      },
    ],
  },
  {
    result:
      "Summing over time, the gradient for Wᶠ is Σₜ diag(hₜᶠ ⊙ (1 − hₜᶠ))·∇_{hₜᶠ}L·xₜᵀ, and for Uᵇ it is Σₜ diag(hₜᵇ ⊙ (1 − hₜᵇ))·∇_{hₜᵇ}L·hₜ₊₁ᵇᵀ.",
    sources: [["worked-exercises", "6.3"]],
    page: "rnn-gradients",
    tests: [
      {
        file: brnnTests,
        name:
          "brnnWeightGradients: ∇_{Wᶠ}L = Σₜ diag(hₜᶠ(1 − hₜᶠ))∇_{hₜᶠ}L xₜᵀ and ∇_{Uᵇ}L = Σₜ diag(hₜᵇ(1 − hₜᵇ))∇_{hₜᵇ}L hₜ₊₁ᵇᵀ match central finite differences",
      },
      {
        file: brnnTfTests,
        name:
          "brnnGradientsTf(tf, net): tfjs autodiff's ∇_{Wᶠ}L and ∇_{Uᵇ}L match the course's formulas to float32 precision (relative 1e-5)",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: tfjs autodiff gives the course's ∇Wᶠ and ∇Uᵇ to float32 precision and finite differences to 1e-7, seed after seed",
      },
    ],
  },
];
