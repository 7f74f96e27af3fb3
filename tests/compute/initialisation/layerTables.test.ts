import assert from "node:assert/strict";
import { heldVarianceRows, slopeCurves } from "../../../src/compute/initialisation/layerTables.ts";

Deno.test("heldVarianceRows(): Xavier holds 1 with the identity, halves with ReLU; He holds 2, or 1 after a ReLU", () => {
  const rows = Object.fromEntries(heldVarianceRows().map((r) => [r.setting, r]));
  const near = (got: number, want: number) =>
    assert.ok(Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
  near(rows["Xavier, identity"]["Var(a₁₀)"], 1);
  near(rows["Xavier, ReLU"]["Var(a₂)"], 0.5);
  near(rows["Xavier, ReLU"]["Var(a₁₀)"], 2 ** -9);
  near(rows["He, ReLU"]["Var(a₁)"], 2);
  near(rows["He, ReLU"]["Var(a₁₀)"], 2);
  near(rows["He, ReLU, input already through a ReLU"]["Var(a₁₀)"], 1);
  // PyTorch's default without activation: Var = (Var_prev + 1/64)/3 from Var(x) = 1.
  near(rows["PyTorch default, identity"]["Var(a₁)"], (1 + 1 / 64) / 3);
});

Deno.test("slopeCurves(): 241 points per activation on [−6, 6], the sigmoid's slope ¼ at 0", () => {
  const rows = slopeCurves();
  assert.equal(rows.length, 482);
  const at = (x: number, activation: string) =>
    rows.find((r) => r.x === x && r.activation === activation)!.slope;
  assert.ok(Math.abs(at(0, "sigmoid") - 0.25) < 1e-12);
  assert.deepEqual([at(-1, "ReLU"), at(1, "ReLU")], [0, 1]);
  assert.deepEqual([rows[0].x, rows.at(-1)!.x], [-6, 6]);
});
