/**
 * A box that scrolls its content sideways when it is wider than the column (wide tables on a
 * phone), instead of widening the page. A scrolling region must be reachable by keyboard and
 * named, so the box is focusable and labelled.
 */
export function scrollBox(node: Node, label: string): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "scroll-box";
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", label);
  box.append(node);
  return box;
}
