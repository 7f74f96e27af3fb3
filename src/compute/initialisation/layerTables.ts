/** Small tables of closed-form values that the initialisation page draws or prints. */
import { derivative, sigmoidDerivative } from "../activations.js";
import { theoryProfile, uniformWidths } from "../meanField.js";
import { HE, PYTORCH, type Scheme, XAVIER } from "../schemes.js";

/** The pre-activation variance at layers 1, 2 and 10 of a 10-layer, width-64 network. */
export interface HeldVarianceRow {
  setting: string;
  "Var(a₁)": number;
  "Var(a₂)": number;
  "Var(a₁₀)": number;
}

/** What each scheme holds at 1, and what it does not: the page's "Xavier and He" table. */
export function heldVarianceRows(): HeldVarianceRow[] {
  const row = (
    setting: string,
    scheme: Scheme,
    activation: "identity" | "relu",
    inputMeanSquare: number,
  ) => {
    const q = theoryProfile({ scheme, activation, widths: uniformWidths(10, 64), inputMeanSquare })
      .preVariance;
    return { setting, "Var(a₁)": q[0], "Var(a₂)": q[1], "Var(a₁₀)": q[9] };
  };
  return [
    row("Xavier, identity", XAVIER, "identity", 1),
    row("Xavier, ReLU", XAVIER, "relu", 1),
    row("He, ReLU", HE, "relu", 1),
    row("He, ReLU, input already through a ReLU", HE, "relu", 0.5),
    row("PyTorch default, identity", PYTORCH, "identity", 1),
  ];
}

/** φ′ of the sigmoid and of ReLU on [−6, 6] in steps of 0.05, for the slope chart. */
export function slopeCurves(): { activation: string; x: number; slope: number }[] {
  const rows = [];
  for (let i = 0; i <= 240; i++) {
    const x = -6 + i * 0.05;
    const at = Number(x.toFixed(2));
    rows.push({ activation: "sigmoid", x: at, slope: sigmoidDerivative(x) });
    rows.push({ activation: "ReLU", x: at, slope: derivative("relu", x) });
  }
  return rows;
}
