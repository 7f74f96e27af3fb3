/**
 * Tiny previews for the front page's topic cards, as hand-written SVG: no Plot, no d3, so the front
 * page stays light. Every colour comes from the theme (currentColor and Framework's CSS variables),
 * so a preview reads in light and dark mode, and the SVG scales to its card's width. Each preview
 * is one image with a one-sentence label computed from the page's numbers.
 *
 * Each built page describes its own preview in src/components/<slug>/preview.ts (a `PagePreview`);
 * the front page's loader (src/index.md.ts) finds them from the manifest. The markup is pure, so
 * tests run without a DOM; `previewElement` is the only part that needs a browser. This module is
 * loaded in the browser: no Deno API here.
 */

export type LineKind = "primary" | "secondary";

export interface PreviewSpec {
  /** The accessible name: one sentence that says what the picture shows, with its numbers. */
  label: string;
  x: { domain: readonly [number, number]; log?: boolean };
  y: { domain: readonly [number, number] };
  lines: { kind: LineKind; points: readonly (readonly [number, number])[] }[];
  /** Dots: filled for a value the data takes, open for a limit it approaches. */
  markers?: { x: number; y: number; filled: boolean; kind?: LineKind }[];
  /** A faint vertical line at each x (a threshold worth seeing). */
  rules?: number[];
  /** A faint horizontal line at each y (zero, to anchor the eye). */
  baselines?: number[];
  /** The visible key under the picture. */
  key: { kind: LineKind | "filled" | "open" | "rule"; text: string }[];
}

/**
 * A page's front-page preview, exported as `preview` by src/components/<slug>/preview.ts: either
 * computed when the site is built and written as static SVG, or drawn in the browser from one of
 * the page's loader files.
 */
export type PagePreview = ComputedPreview | LoadedPreview;

/** Computed at build time with the page's own src/compute functions: no script, no file to fetch. */
export interface ComputedPreview {
  compute: () => PreviewSpec;
}

/**
 * Drawn in the browser from a precomputed run. The front page imports `model` by its name from the
 * page's preview module, so that module must export it under that name and stay loadable in the
 * browser: it imports this module only (no Deno API, no tfjs, Plot or d3).
 */
export interface LoadedPreview {
  /** One of the page's JSON loaders, as named in its manifest entry ("dropout-toy.json"). */
  loader: string;
  /** Turns the loader's data into the picture. */
  model: (data: never) => PreviewSpec;
}

export const PREVIEW_WIDTH = 240;
export const PREVIEW_HEIGHT = 72;
const PAD = 5;

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Fixed decimals without a trailing "−0", enough for a label. */
export function formatNumber(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** from, from + step, … up to to: a preview's sample points. */
export const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** A positive number as m × 10ⁿ with one decimal in m: 1.9 × 10⁻⁹. */
export function scientific(value: number): string {
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  let exponent = Math.floor(Math.log10(value));
  let mantissa = Number((value / 10 ** exponent).toFixed(1));
  if (mantissa >= 10) [mantissa, exponent] = [1, exponent + 1];
  const power = [...String(exponent)].map((c) => (c === "-" ? "⁻" : digits[Number(c)])).join("");
  return `${mantissa.toFixed(1)} × 10${power}`;
}

function scale(domain: readonly [number, number], range: [number, number], log = false) {
  const f = log ? Math.log10 : (v: number) => v;
  const [d0, d1] = [f(domain[0]), f(domain[1])];
  const k = d1 === d0 ? 0 : (range[1] - range[0]) / (d1 - d0);
  return (v: number) => range[0] + (f(v) - d0) * k;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The preview as an SVG string: role img, named by its label, sized by its container. */
export function previewMarkup(spec: PreviewSpec): string {
  const sx = scale(spec.x.domain, [PAD, PREVIEW_WIDTH - PAD], spec.x.log);
  const sy = scale(spec.y.domain, [PREVIEW_HEIGHT - PAD, PAD]);
  const parts: string[] = [];
  for (const x of spec.rules ?? []) {
    const px = round(sx(x));
    parts.push(
      `<line class="preview-rule" x1="${px}" x2="${px}" y1="0" y2="${PREVIEW_HEIGHT}"></line>`,
    );
  }
  for (const y of spec.baselines ?? []) {
    const py = round(sy(y));
    parts.push(
      `<line class="preview-baseline" x1="0" x2="${PREVIEW_WIDTH}" y1="${py}" y2="${py}"></line>`,
    );
  }
  for (const line of spec.lines) {
    const finite = line.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (finite.length < 2) continue;
    const d = finite
      .map(([x, y], i) => `${i ? "L" : "M"}${round(sx(x))},${round(sy(y))}`)
      .join("");
    parts.push(`<path class="preview-${line.kind}" d="${d}"></path>`);
  }
  for (const { x, y, filled, kind } of spec.markers ?? []) {
    const classes = `preview-${filled ? "filled" : "open"}${kind ? ` preview-dot-${kind}` : ""}`;
    parts.push(
      `<circle class="${classes}" cx="${round(sx(x))}" cy="${round(sy(y))}" r="3.5"></circle>`,
    );
  }
  const label = escapeXml(spec.label);
  return `<svg class="preview-plot" role="img" aria-label="${label}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" preserveAspectRatio="xMidYMid meet">${
    parts.join("")
  }</svg>`;
}

const swatches: Record<PreviewSpec["key"][number]["kind"], string> = {
  primary: `<path class="preview-primary" d="M1,5H19"></path>`,
  secondary: `<path class="preview-secondary" d="M1,5H19"></path>`,
  rule: `<line class="preview-rule" x1="10" x2="10" y1="0" y2="10"></line>`,
  filled: `<circle class="preview-filled" cx="10" cy="5" r="3.5"></circle>`,
  open: `<circle class="preview-open" cx="10" cy="5" r="3.5"></circle>`,
};

/** The preview with its key below it, as an HTML string. */
export function previewBlockMarkup(spec: PreviewSpec): string {
  const key = spec.key
    .map(({ kind, text }) =>
      `<span class="preview-key-item"><svg class="preview-swatch" viewBox="0 0 20 10" aria-hidden="true">${
        swatches[kind]
      }</svg>${escapeXml(text)}</span>`
    )
    .join(" ");
  return `<div class="preview">${previewMarkup(spec)}<p class="preview-key">${key}</p></div>`;
}

/** The preview as a DOM node, for a `${…}` in the front page. */
export function previewElement(spec: PreviewSpec): Element {
  const template = document.createElement("template");
  template.innerHTML = previewBlockMarkup(spec);
  return template.content.firstElementChild!;
}

/** The preview's stylesheet: theme colours only, strokes that stay thin at any size. */
export const PREVIEW_CSS = `
.preview { max-width: 100%; }
.preview-plot { display: block; width: 100%; height: auto; max-width: 28rem; overflow: visible; }
.preview-plot path, .preview-plot line, .preview-swatch path, .preview-swatch line {
  fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; stroke-linecap: round;
}
.preview-primary { stroke: var(--theme-foreground-focus); }
.preview-secondary { stroke: currentColor; stroke-dasharray: 4 3; }
.preview-rule { stroke: var(--theme-foreground-muted); stroke-dasharray: 1 3; }
.preview-plot .preview-baseline { stroke: var(--theme-foreground-faint); stroke-width: 1; }
.preview-filled { fill: currentColor; stroke: currentColor; }
.preview-filled.preview-dot-primary { fill: var(--theme-foreground-focus); stroke: var(--theme-foreground-focus); }
.preview-open { fill: var(--theme-background-alt, var(--theme-background)); stroke: currentColor; stroke-width: 1.5; }
.preview-key { font: 12px/1.4 var(--sans-serif); color: var(--theme-foreground-alt); margin: 0.25rem 0 0; max-width: none; }
.preview-key-item { display: inline-flex; align-items: center; gap: 0.25rem; margin-right: 0.6rem; white-space: nowrap; }
.preview-swatch { width: 20px; height: 10px; overflow: visible; color: var(--theme-foreground); }
`;
