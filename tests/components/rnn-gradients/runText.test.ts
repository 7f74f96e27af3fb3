import assert from "node:assert/strict";
import {
  brnnStatus,
  jacobianParagraph,
  jacobianStatus,
  normDescription,
} from "../../../src/components/rnn-gradients/runText.ts";
import { jacobianNorms } from "../../../src/compute/rnn-gradients/jacobian.ts";
import { PAGE_DEFAULTS } from "../../../src/compute/rnn-gradients/examples.ts";

const params = { ...PAGE_DEFAULTS, units: 8, steps: 20 };
const steps = jacobianNorms(params).steps;

Deno.test("jacobianStatus(frame, run): Done with the time, or Stopped at the step reached", () => {
  assert.match(
    jacobianStatus({ steps, done: true, elapsedMs: 3.4 }, params),
    /^Done in 3 ms: ‖∂hₜ\/∂h₀‖ = .+ at t = 20, bound .+\.$/,
  );
  assert.match(
    jacobianStatus({ steps: steps.slice(0, 6), done: false, elapsedMs: 1 }, params),
    /^Stopped at step 5 of 20: .+ at t = 5,/,
  );
});

Deno.test("jacobianParagraph(steps, stopped, run): a stopped run says where; a finished one compares with the bound", () => {
  assert.match(jacobianParagraph(steps.slice(0, 6), true, params), /stopped at step 5 of 20/);
  assert.equal(jacobianParagraph(steps.slice(0, 6), false, params), "The run is still going…");
  assert.match(jacobianParagraph(steps, false, params), /^At T = 20 the gradient's norm is /);
  assert.match(normDescription([], params, true), /^Waiting/);
  assert.match(normDescription(steps, params, true), /is dotted\.$/);
});

Deno.test("brnnStatus(frame): the autodiff gaps, or Stopped with the seed and T", () => {
  const settings = { seed: 13, steps: 3 };
  assert.match(
    brnnStatus({ settings, stopped: true, elapsedMs: 1 }),
    /^Stopped before TensorFlow\.js's gradients were read \(seed 13, T = 3\)/,
  );
  assert.match(
    brnnStatus({ settings, backend: "cpu", elapsedMs: 7.2, tfGap: { wf: 1e-7, ub: 1e-8 } }),
    /^Autodiff on cpu in 7 ms: ∇Wᶠ within 1\.0 × 10⁻⁷ and ∇Uᵇ within 1\.0 × 10⁻⁸ of the formulas/,
  );
});
