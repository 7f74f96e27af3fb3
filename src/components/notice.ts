/** A reader-facing message box: "warning" for a value we replaced, "error" for a failed run. */
export function notice(
  messages: string | string[],
  { kind = "warning" }: { kind?: "warning" | "error" | "note" } = {},
): HTMLElement {
  const list = Array.isArray(messages) ? messages : [messages];
  const box = document.createElement("div");
  box.className = `notice notice-${kind}`;
  box.setAttribute("role", kind === "note" ? "status" : "alert");
  box.hidden = list.length === 0;
  for (const message of list) {
    const p = document.createElement("p");
    p.textContent = message;
    box.append(p);
  }
  return box;
}
