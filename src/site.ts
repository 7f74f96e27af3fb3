/**
 * The site's manifest: one entry per page; the sidebar groups them by topic (TOPICS order), each
 * topic's pages in the order here. Everything that lists pages derives from it: the Framework
 * config's sidebar (observablehq.config.ts), the front page's cards and its course-results table
 * (src/index.md.ts), the bench parts (tests/bench/run.ts), the browser suite's page checks and the
 * README's page table. tests/site/site.test.ts holds it to the repository: every file a page owns
 * exists, and every page, topic folder, loader, loader test, browser test and bench part that
 * exists belongs to a page named here.
 *
 * A page's slug names everything of its own (see `ownFiles`): src/pages/<slug>.md (served at
 * /pages/<slug>), src/compute/<slug>/ with its README.md (what runs where), and
 * tests/browser/<slug>.test.ts; when the page has them, src/components/<slug>/,
 * tests/compute/<slug>/, tests/components/<slug>/ and its bench part tests/bench/pages/<slug>.ts.
 * Its loaders are listed by name (two pages may share one), each tested in
 * tests/loaders/<name without extension>.test.ts.
 */

export const TOPICS = {
  regularisation: "Regularisation",
  depth: "Depth and initialisation",
  normalisation: "Normalisation",
  convolution: "Convolution",
  optimisation: "Optimisation",
  recurrent: "Recurrent networks",
} as const;

export type TopicId = keyof typeof TOPICS;

/** Previews the front page knows how to draw from a page's precomputed data. */
export type PreviewId = "dropout-toy" | "double-descent";

export interface SitePage {
  /** The page's file name: src/pages/<slug>.md, served at /pages/<slug>. */
  slug: string;
  title: string;
  topic: TopicId;
  status: "built" | "coming";
  /** One sentence: what the page shows. */
  summary: string;
  preview?: PreviewId;
  /** Data loaders the page reads, as src/loaders/<name>.ts (name includes the extension). */
  loaders: readonly string[];
  /**
   * Link values the page must refuse (outside a control's range): for each, the query parameter,
   * the value and the control's label as the page shows it.
   */
  refusedLinks: readonly { param: string; value: string; label: string }[];
  /**
   * Whether the page has a latency part in `deno task bench` (`--only=<slug>`): the module
   * tests/bench/pages/<slug>.ts, exporting `latency(backend, webgpu)`.
   */
  bench: boolean;
}

export const PAGES: readonly SitePage[] = [
  {
    slug: "dropout-toy",
    title: "Dropout on a two-feature toy",
    topic: "regularisation",
    status: "built",
    summary:
      "One example with features 10 and 1: dropout trades the minimum-norm fit for one where both features contribute equally, and the answer jumps as the drop rate reaches zero.",
    preview: "dropout-toy",
    loaders: ["dropout-toy.json"],
    refusedLinks: [
      { param: "rate", value: "0.95", label: "drop rate r" },
      { param: "lr", value: "5", label: "learning rate" },
    ],
    bench: true,
  },
  {
    slug: "dropout-noise",
    title: "Dropout and noise as penalties",
    topic: "regularisation",
    status: "built",
    summary:
      "Averaged over its masks, dropout is a ridge penalty scaled feature by feature; Gaussian multiplicative noise gives the same form, and dropout commutes with ReLU but not with sigmoid.",
    loaders: ["dropout-noise.json"],
    refusedLinks: [
      { param: "p", value: "0", label: "keep probability p" },
      { param: "sigma", value: "-1", label: "noise sd σ" },
    ],
    bench: true,
  },
  {
    slug: "dropout-digits",
    title: "Dropout on real digits",
    topic: "regularisation",
    status: "built",
    summary:
      "A small network trained in the browser on MNIST digits with a feature that gives the label away in training: how much dropout reduces the reliance on it and the gap between training and validation accuracy.",
    loaders: ["dropout-digits.json", "mnist-digits.bin", "live-worker.js"],
    refusedLinks: [
      { param: "keepInput", value: "0", label: "keep probability, inputs" },
      { param: "n", value: "0", label: "training digits per class" },
    ],
    bench: true,
  },
  {
    slug: "double-descent",
    title: "Double descent and the tuned ridge",
    topic: "regularisation",
    status: "built",
    summary:
      "With random ReLU features and a tiny ridge penalty, test error peaks where the number of features meets the number of training points; a penalty tuned on validation data removes the peak.",
    preview: "double-descent",
    loaders: ["double-descent.json"],
    refusedLinks: [
      { param: "lambda", value: "1e-9", label: "λ" },
    ],
    bench: true,
  },
  {
    slug: "initialisation",
    title: "Initialisation through depth",
    topic: "depth",
    status: "built",
    summary:
      "How the weights' variance carries a signal and its gradient through many layers: PyTorch's default, Xavier and He, which quantity each one holds at 1, and why a deep sigmoid stack loses its gradient.",
    loaders: ["initialisation.json", "live-worker.js"],
    refusedLinks: [
      { param: "depth", value: "0", label: "depth L" },
      { param: "sigma", value: "-1", label: "σ (weight std × √d)" },
    ],
    bench: false,
  },
  {
    slug: "residual",
    title: "Vanishing gradients and residual connections",
    topic: "depth",
    status: "built",
    summary:
      "A sigmoid's slope never exceeds 1/4, so deep sigmoid stacks lose their gradient; a skip connection adds an identity that keeps it.",
    loaders: [],
    refusedLinks: [
      { param: "depth", value: "0", label: "depth L" },
      { param: "sigma", value: "-1", label: "σ (weight std × √m)" },
    ],
    bench: true,
  },
  {
    slug: "normalisation",
    title: "Batch and layer normalisation",
    topic: "normalisation",
    status: "built",
    summary:
      "Which axes batch and layer norm average over, why a batch of one passes no gradient back, and batch norm's full backward pass checked against autodiff.",
    loaders: [],
    refusedLinks: [
      { param: "n", value: "0", label: "batch size n" },
      { param: "delta", value: "-1", label: "change δ to examples 2 and 3" },
    ],
    bench: true,
  },
  {
    slug: "normalisation-geometry",
    title: "What normalisation does to data and weights",
    topic: "normalisation",
    status: "built",
    summary:
      "Batch norm maps any Gaussian to N(β, γ²) but keeps its correlations, unlike whitening; weight normalisation splits a weight into a length and a direction, and its gradient is orthogonal to the direction.",
    loaders: [],
    refusedLinks: [
      { param: "batch", value: "0", label: "batch size m" },
      { param: "rho", value: "1", label: "correlation ρ" },
    ],
    bench: true,
  },
  {
    slug: "convolution",
    title: "Convolution arithmetic and parameter counts",
    topic: "convolution",
    status: "built",
    summary:
      "Recover a filter from its output, upsample with a transposed convolution, and count parameters: 213,504 for a bottleneck against 78,592 for 32 thin paths.",
    loaders: [],
    refusedLinks: [
      { param: "stride2", value: "0", label: "2-D stride" },
      { param: "cin", value: "600", label: "input channels" },
    ],
    bench: true,
  },
  {
    slug: "cnn-training",
    title: "A small CNN trained in your browser",
    topic: "convolution",
    status: "built",
    summary:
      "A convolutional network with batch norm and dropout trained on MNIST digits in the browser: dropout narrows the gap between training and validation accuracy, and batch norm speeds up the first epoch.",
    loaders: ["cnn-training.json", "mnist-digits.bin", "live-worker.js"],
    refusedLinks: [
      { param: "rate", value: "0.95", label: "drop rate r" },
      { param: "lr", value: "NaN", label: "learning rate" },
    ],
    bench: true,
  },
  {
    slug: "momentum",
    title: "Momentum, running averages and Adam's correction",
    topic: "optimisation",
    status: "built",
    summary:
      "Momentum is a running average of gradients in disguise; the average starts biased towards zero by the factor 1 − βᵗ, which Adam divides out.",
    loaders: [],
    refusedLinks: [
      { param: "beta", value: "1", label: "momentum β" },
      { param: "step", value: "0", label: "step size ε" },
    ],
    bench: true,
  },
  {
    slug: "rnn-gradients",
    title: "Gradients through time",
    topic: "recurrent",
    status: "built",
    summary:
      "When the recurrent weights' norm times the activation's largest slope stays below 1, the gradient reaching early steps shrinks geometrically.",
    loaders: [],
    refusedLinks: [
      { param: "T", value: "0", label: "steps T" },
      { param: "s", value: "-1", label: "spectral norm s of W" },
    ],
    bench: true,
  },
];

export function pageBySlug(slug: string): SitePage | undefined {
  return PAGES.find((page) => page.slug === slug);
}

/** The site path of a page, as the sidebar lists it. */
export function pagePath(page: SitePage): string {
  return `/pages/${page.slug}`;
}

/** Framework's `pages` option: one section per topic that has a built page, in TOPICS order. */
export function sidebar(pages: readonly SitePage[] = PAGES) {
  return (Object.keys(TOPICS) as TopicId[]).map((topic) => ({
    name: TOPICS[topic],
    pages: pages.filter((page) => page.topic === topic && page.status === "built").map((page) => ({
      name: page.title,
      path: pagePath(page),
    })),
  })).filter((section) => section.pages.length > 0);
}

/** A loader's test: tests/loaders/<name without its extension>.test.ts ("a.json" → "a.test.ts"). */
export function loaderTest(loader: string): string {
  return `tests/loaders/${loader.replace(/\.[^.]+$/, "")}.test.ts`;
}

/** A page's bench part, when `bench` is set. */
export function benchPart(page: SitePage): string {
  return `tests/bench/pages/${page.slug}.ts`;
}

/**
 * Every file a built page owns by its slug and its entry; each must exist. Its
 * tests/browser/pages/<slug>.ts gives the shared browser suites its charts, leak moves, backend
 * numbers and Stop cases (tests/browser/pageData.ts).
 */
export function ownFiles(page: SitePage): string[] {
  return [
    `src/pages/${page.slug}.md`,
    `src/compute/${page.slug}/README.md`,
    `tests/browser/${page.slug}.test.ts`,
    `tests/browser/pages/${page.slug}.ts`,
    ...page.loaders.flatMap((loader) => [`src/loaders/${loader}.ts`, loaderTest(loader)]),
    ...(page.bench ? [benchPart(page)] : []),
  ];
}
