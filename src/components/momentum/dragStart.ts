/**
 * Dragging on the momentum page's trajectory chart moves the start point: the pointer's position
 * in data units, clamped to the drawn box and rounded to the sliders' 0.01 grid, goes into the
 * x0 and y0 controls, at most once per animation frame. The listeners live on the document, so
 * they keep working while the chart is redrawn under the pointer. Returns the function that
 * removes them (for the page cell's invalidation).
 */
import { pointerToData } from "./surfacePathChart.js";
import { setControls } from "../controls.js";

export function dragStart(
  inputs: Record<"x0" | "y0", HTMLFormElement & { value: number | string }>,
  chartSelector: string,
  domain: { x: readonly [number, number]; y: readonly [number, number] },
): () => void {
  let dragging = false;
  let frame = 0;
  let last: PointerEvent | undefined;
  const clamp = (v: number, [lo, hi]: readonly [number, number]) =>
    Math.round(Math.min(hi, Math.max(lo, v)) * 100) / 100;
  const apply = () => {
    frame = 0;
    const svg = document.querySelector<SVGSVGElement>(chartSelector);
    const point = svg && last ? pointerToData(svg, last) : null;
    if (!point) return;
    setControls(inputs, { x0: clamp(point[0], domain.x), y0: clamp(point[1], domain.y) });
  };
  const down = (event: PointerEvent) => {
    if (!(event.target as Element | null)?.closest?.(chartSelector)) return;
    dragging = true;
    last = event;
    event.preventDefault();
    apply();
  };
  const move = (event: PointerEvent) => {
    if (!dragging) return;
    last = event;
    frame ||= requestAnimationFrame(apply);
  };
  const up = () => (dragging = false);
  document.addEventListener("pointerdown", down);
  document.addEventListener("pointermove", move);
  document.addEventListener("pointerup", up);
  return () => {
    document.removeEventListener("pointerdown", down);
    document.removeEventListener("pointermove", move);
    document.removeEventListener("pointerup", up);
  };
}
