/**
 * Tiny previews for the front page's topic cards, drawn from a page's own precomputed data as
 * hand-written SVG: no Plot, no d3, so the front page stays light. Every colour comes from the
 * theme (currentColor and Framework's CSS variables), so a preview reads in light and dark mode,
 * and the SVG scales to its card's width. Each preview is one image with a one-sentence label
 * computed from the data.
 *
 * The model functions (data → PreviewSpec) and the markup are pure, so tests run without a DOM;
 * `previewElement` is the only part that needs a browser.
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

// --- The dropout sweep (src/loaders/dropout-toy.json) ---

export interface DropoutSweepData {
  closedForm: { rate: number; w1: number; w2: number }[];
  minNorm: { w1: number; w2: number };
  limitAtZero: { w1: number; w2: number };
}

/**
 * Each feature's contribution xⱼwⱼ to the prediction against the drop rate, in units of the equal
 * share y/d, with the jump at rate 0. The data holds weights only, but the limit r → 0+ is
 * wⱼ = y/(d·xⱼ), so xⱼwⱼ/(y/d) = wⱼ/limitⱼ needs neither x nor y. For every positive rate the two
 * contributions coincide (the solid and dashed lines overlap); at r = 0 the minimum-norm fit gives
 * the large feature nearly everything (filled dots); open dots mark the limit from the right.
 */
export function dropoutSweepPreview(sweep: DropoutSweepData): PreviewSpec {
  const { minNorm, limitAtZero } = sweep;
  const share = (w: { w1: number; w2: number }) =>
    [w.w1 / limitAtZero.w1, w.w2 / limitAtZero.w2] as const;
  const curve = sweep.closedForm.filter((d) => d.rate > 0);
  const last = curve[curve.length - 1];
  const atZero = share(minNorm);
  const firstShare = atZero[0] / (atZero[0] + atZero[1]);
  const line = (j: 0 | 1) => [[0, 1] as const, ...curve.map((d) => [d.rate, share(d)[j]] as const)];
  const percent = (v: number) => `${formatNumber(100 * v, 0)} %`;
  return {
    label:
      `Dropout toy: each feature's contribution to the prediction against the drop rate r, from 0 to ${
        formatNumber(last.rate, 2)
      }. For every positive rate the two contributions are equal, shrinking to ${
        percent(share(last)[0])
      } of an even split of the target at r = ${
        formatNumber(last.rate, 2)
      }; at r = 0 itself the large feature supplies ${percent(firstShare)} of the prediction.`,
    x: { domain: [0, last.rate] },
    y: { domain: [0, Math.max(1, ...atZero)] },
    baselines: [0],
    lines: [
      { kind: "primary", points: line(0) },
      { kind: "secondary", points: line(1) },
    ],
    markers: [
      { x: 0, y: 1, filled: false },
      { x: 0, y: atZero[0], filled: true, kind: "primary" },
      { x: 0, y: atZero[1], filled: true, kind: "secondary" },
    ],
    key: [
      { kind: "primary", text: "x₁w₁" },
      { kind: "secondary", text: "x₂w₂" },
      { kind: "filled", text: "at r = 0" },
      { kind: "open", text: "as r → 0⁺" },
    ],
  };
}

// --- Double descent (src/loaders/double-descent.json) ---

export interface DoubleDescentData {
  config: { nTrain: number };
  p: number[];
  lambdaA: number;
  curveA: { test: { median: number[] } };
  curveB: { test: { median: number[] } };
}

/** Median test error against p (log axis) for the fixed and the tuned penalty, N_train marked. */
export function doubleDescentPreview(sweep: DoubleDescentData): PreviewSpec {
  const { p } = sweep;
  const a = sweep.curveA.test.median;
  const b = sweep.curveB.test.median;
  const peak = a.indexOf(Math.max(...a));
  const maxB = Math.max(...b);
  const low = Math.min(...a, ...b);
  const nTrain = sweep.config.nTrain;
  return {
    label: `Double descent: median test error against the number of features p, from ${p[0]} to ${
      p[p.length - 1]
    } on a log scale. With λ = ${sweep.lambdaA} it peaks at ${formatNumber(a[peak], 2)} at p = ${
      p[peak]
    }, next to the ${nTrain} training points; with λ tuned on validation data it never exceeds ${
      formatNumber(maxB, 2)
    }.`,
    x: { domain: [p[0], p[p.length - 1]], log: true },
    y: { domain: [Math.min(0, low), Math.max(...a)] },
    lines: [
      { kind: "primary", points: p.map((v, i) => [v, a[i]] as const) },
      { kind: "secondary", points: p.map((v, i) => [v, b[i]] as const) },
    ],
    rules: [nTrain],
    baselines: [0],
    key: [
      { kind: "primary", text: `λ = ${sweep.lambdaA}` },
      { kind: "secondary", text: "tuned λ" },
      { kind: "rule", text: `p = N_train = ${nTrain}` },
    ],
  };
}

// --- Dropout on digits (src/loaders/dropout-digits.json) ---

interface Spread {
  mean: number;
}

export interface DigitsData {
  conditions: {
    name: string;
    keepInput: number;
    keepHidden: number;
    summary: { epochs: { epoch: number; gap: Spread }[] };
  }[];
}

/**
 * The mean gap between training and validation accuracy after each epoch, without and with
 * dropout (the conditions keeping every unit, and the one that drops some).
 */
export function digitsPreview(data: DigitsData): PreviewSpec {
  const without = data.conditions.find((c) => c.keepInput === 1 && c.keepHidden === 1)!;
  const withDropout = data.conditions.find((c) => c !== without)!;
  const gaps = (c: typeof without) =>
    c.summary.epochs.map((e) => [e.epoch, 100 * e.gap.mean] as const);
  const [a, b] = [gaps(without), gaps(withDropout)];
  const last = a.at(-1)!;
  const all = [...a, ...b].map(([, v]) => v);
  return {
    label: `Dropout on digits: the gap between training and validation accuracy, in percentage ` +
      `points, over ${last[0]} epochs, averaged over the precomputed seeds: after the last epoch ` +
      `it is ${formatNumber(last[1], 1)} without dropout and ${
        formatNumber(b.at(-1)![1], 1)
      } with it.`,
    x: { domain: [0, last[0]] },
    y: { domain: [Math.min(0, ...all), Math.max(...all)] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: a },
      { kind: "primary", points: b },
    ],
    key: [
      { kind: "secondary", text: "without dropout" },
      { kind: "primary", text: "with dropout" },
    ],
  };
}

// --- The small CNN (src/loaders/cnn-training.json) ---

export interface CnnData {
  summary: { batchNorm: boolean; dropout: boolean; epoch: number; validation: Spread }[];
}

/** Mean validation accuracy against the epoch, with and without batch norm (dropout on in both). */
export function cnnPreview(data: CnnData): PreviewSpec {
  const curve = (batchNorm: boolean) =>
    data.summary.filter((s) => s.dropout && s.batchNorm === batchNorm)
      .sort((x, y) => x.epoch - y.epoch)
      .map((s) => [s.epoch, 100 * s.validation.mean] as const);
  const [withBn, withoutBn] = [curve(true), curve(false)];
  const at = (points: readonly (readonly [number, number])[], epoch: number) =>
    points.find(([e]) => e === epoch)![1];
  const last = withBn.at(-1)![0];
  return {
    label: `A small CNN on digits, trained with dropout: mean validation accuracy over ${last} ` +
      `epochs; after the first epoch it is ${formatNumber(at(withBn, 1), 0)} % with batch norm ` +
      `and ${formatNumber(at(withoutBn, 1), 0)} % without.`,
    x: { domain: [0, last] },
    y: { domain: [0, 100] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: withoutBn },
      { kind: "primary", points: withBn },
    ],
    key: [
      { kind: "primary", text: "batch norm" },
      { kind: "secondary", text: "no batch norm" },
    ],
  };
}
