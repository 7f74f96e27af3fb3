import type { StartedBackend } from "../compute/tfStart.js";

/** Tells the reader which TensorFlow.js backend computes the live charts, and why. */
export function backendBadge(
  runtime: Pick<StartedBackend, "backend" | "description">,
): HTMLElement {
  const badge = document.createElement("p");
  badge.className = "backend-badge";
  badge.dataset.backend = runtime.backend;
  const strong = document.createElement("strong");
  strong.textContent = "Live computation: ";
  badge.append(
    strong,
    runtime.description,
    ". Add ?backend=wasm (or webgpu, webgl, cpu) to force one.",
  );
  return badge;
}
