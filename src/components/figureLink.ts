/**
 * What an instructor needs of one figure (issue 19, "for instructors"): a stable id, a control
 * that copies a link to it with the page's current settings, a deep link (`#chart-<name>`) that
 * scrolls to it once it is drawn (figures appear late, after their data or a live run), a line
 * that prints the settings and the link under its title, and the embed view (`?embed=<id>`) that
 * shows it alone. Any element may take part (an exercise card too), through `figureId`,
 * `scrollWhenLinked` and `embedIfNamed`.
 */

/** The id of the figure named `name`: the same on every load and after every redraw. */
export function figureId(name: string): string {
  return `chart-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Query parameters that choose how a page is shown, not what it computes. */
const viewParams = ["embed"];

/** The page's link with its current settings, leading to `id` (the embed view left out). */
export function linkTo(id: string, href = globalThis.location.href): string {
  const url = new URL(href);
  for (const key of viewParams) url.searchParams.delete(key);
  url.hash = id;
  return url.href;
}

/** The settings a link carries, as "name = value" pairs, or the defaults when it carries none. */
export function settingsText(href = globalThis.location.href): string {
  const params = [...new URL(href).searchParams].filter(([key]) => !viewParams.includes(key));
  if (params.length === 0) return "Settings: the page's defaults.";
  return `Settings: ${params.map(([key, value]) => `${key} = ${value}`).join(", ")}.`;
}

/** Fills a figure's print line with the page's settings and link as they are now. */
function fillPrintLine(line: HTMLElement, id: string): void {
  line.textContent = `${settingsText()} Link: ${linkTo(id)}`;
}

/**
 * The line printed under a figure's title (hidden on screen). It is filled only when the page is
 * printed: by then the control panel has rewritten the link to the values in use (a refused link
 * value is gone from it), so the line never prints a value the page did not compute with.
 */
export function printLine(id: string): HTMLElement {
  const line = document.createElement("p");
  line.className = "chart-print-line";
  line.dataset.exact = "";
  line.dataset.for = id;
  return line;
}

function fillPrintLines(): void {
  for (const line of document.querySelectorAll<HTMLElement>(".chart-print-line")) {
    fillPrintLine(line, line.dataset.for!);
  }
}

// Print dialogs fire beforeprint; print emulation (and some browsers' previews) only switch the
// media type, which the media query below hears.
globalThis.addEventListener?.("beforeprint", fillPrintLines);
globalThis.matchMedia?.("print").addEventListener("change", (event) => {
  if (event.matches) fillPrintLines();
});

/**
 * The "Link to this figure" control: it puts `#id` in the address bar (so the reader can copy it
 * from there too) and copies the link; where the clipboard is refused, it shows the link.
 */
export function linkControl(id: string, titleId: string): HTMLElement {
  const tools = document.createElement("div");
  tools.className = "chart-link";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Link to this figure";
  button.dataset.action = "figure-link";
  // The figure's title describes the button rather than naming it: a test or a reader looking for
  // a button by its name finds the page's own buttons, not one per figure.
  button.setAttribute("aria-describedby", titleId);
  const status = document.createElement("span");
  status.className = "chart-link-status";
  // A polite live region, not role=status: a live section keeps exactly one status node.
  status.setAttribute("aria-live", "polite");
  button.addEventListener("click", async () => {
    const link = linkTo(id);
    globalThis.history.replaceState(null, "", `#${id}`);
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = "Link copied.";
    } catch {
      status.textContent = `Copy this link: ${link}`;
    }
  });
  tools.append(button, status);
  return tools;
}

let linkedScrolled = false;

/**
 * Scrolls to `element` when the page was opened at `#<its id>`: once it is in the document, and
 * again while what is drawn above it moves it, until the reader scrolls or 5 s have passed. Only
 * the first element drawn with that id counts; a redraw leaves the reader where they are.
 */
export function scrollWhenLinked(element: HTMLElement): void {
  if (linkedScrolled || decodeURIComponent(globalThis.location.hash.slice(1)) !== element.id) {
    return;
  }
  linkedScrolled = true;
  let frames = 0;
  const whenConnected = () => {
    if (!element.isConnected) {
      if (++frames < 600) requestAnimationFrame(whenConnected);
      return;
    }
    const target = () => document.getElementById(element.id) ?? element;
    target().scrollIntoView({ block: "start" });
    const stop = () => {
      observer.disconnect();
      for (const event of ["wheel", "touchstart", "keydown", "mousedown"]) {
        removeEventListener(event, stop);
      }
    };
    const observer = new ResizeObserver(() => target().scrollIntoView({ block: "start" }));
    observer.observe(document.body);
    for (const event of ["wheel", "touchstart", "keydown", "mousedown"]) {
      addEventListener(event, stop, { passive: true });
    }
    setTimeout(stop, 5_000);
  };
  requestAnimationFrame(whenConnected);
}

/** The id the page was asked to show alone (`?embed=<id>`), if any. */
export function embedTarget(search = globalThis.location.search): string | undefined {
  return new URLSearchParams(search).get("embed") ?? undefined;
}

/**
 * Marks `element` as the one the embed view shows when `?embed=` names its id (or the name it
 * was made from); the stylesheet hides everything else (html[data-embed], set in the page head).
 */
export function embedIfNamed(element: HTMLElement, name: string): void {
  const wanted = embedTarget();
  if (wanted === undefined || (wanted !== element.id && wanted !== name)) return;
  element.dataset.embedded = "";
  document.querySelector("#embed-status")?.remove();
}
