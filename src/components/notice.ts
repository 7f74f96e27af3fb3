/** A reader-facing message box: "warning" for a value we refused, "error" for a failed run. */
export function notice(
  messages: string | string[],
  { kind = "warning", about }: {
    kind?: "warning" | "error" | "note";
    /** What the messages concern, as data-for (the top-of-page box for link values says "link"). */
    about?: string;
  } = {},
): HTMLElement {
  const list = Array.isArray(messages) ? messages : [messages];
  const box = document.createElement("div");
  box.className = `notice notice-${kind}`;
  box.setAttribute("role", kind === "note" ? "status" : "alert");
  if (about) box.dataset.for = about;
  box.hidden = list.length === 0;
  for (const message of list) {
    const p = document.createElement("p");
    p.textContent = message;
    box.append(p);
  }
  return box;
}
