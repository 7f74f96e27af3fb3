/**
 * The embed view's start, inlined into every page's head (observablehq.config.ts): with
 * `?embed=<id>` in the link, <html> gets data-embed before anything is drawn, so the stylesheet
 * hides the sidebar, header, footer and the rest of the page from the first paint (no flash of
 * the whole page in a course page's frame). Until the named figure (or exercise card, `ex-…`) is
 * drawn a status line says what is coming; figureLink.ts's embedIfNamed removes it. If the page
 * draws no element by that name within `embedWaitMs`, the line says so instead of leaving a blank
 * frame.
 */
export const embedWaitMs = 30_000;

const script = `{
const id = new URLSearchParams(location.search).get("embed");
if (id !== null) {
  document.documentElement.dataset.embed = "";
  addEventListener("DOMContentLoaded", () => {
    if (document.querySelector("[data-embedded]")) return;
    const status = document.createElement("p");
    status.id = "embed-status";
    status.setAttribute("role", "status");
    status.textContent = "Drawing the " + (id.startsWith("ex-") ? "exercise " : "figure ") +
      JSON.stringify(id) + "…";
    document.getElementById("observablehq-main")?.prepend(status);
    setTimeout(() => {
      if (status.isConnected) {
        status.textContent = "This page has no figure or exercise named " + JSON.stringify(id) +
          ": check the embed= value in the link.";
      }
    }, ${embedWaitMs});
  });
}
}`;

export const embedHead = `<script>${script.replace(/\n\s*/g, "")}</script>`;
