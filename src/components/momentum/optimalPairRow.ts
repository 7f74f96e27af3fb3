/**
 * The momentum page's "optimal pair" button: sets β and ε to the quadratic's optimum (rounded for
 * the sliders and a clean link) through the controls, as a reader's drag would; off on the
 * Rosenbrock valley, whose optimum holds only near its minimum, with a note that says so.
 */
import { setControls } from "../controls.js";

export function optimalPairRow(
  inputs: Record<"beta" | "step", HTMLFormElement & { value: number | string }>,
  pair: { beta: number; epsilon: number },
  { rosenbrock }: { rosenbrock: boolean },
): HTMLElement {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = "optimal-pair";
  button.textContent = `Optimal pair for this quadratic: β = ${pair.beta}, ε = ${pair.epsilon}`;
  button.disabled = rosenbrock;
  button.addEventListener(
    "click",
    () => setControls(inputs, { beta: pair.beta, step: pair.epsilon }),
  );
  const note = document.createElement("p");
  note.className = "control-status";
  note.textContent = rosenbrock
    ? "The optimal pair is a quadratic's; on the Rosenbrock valley it would hold only near the minimum, and from the start it diverges."
    : "";
  const row = document.createElement("div");
  row.className = "control-actions";
  row.append(button, note);
  return row;
}
