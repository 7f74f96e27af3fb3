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
 * /pages/<slug>), src/compute/<slug>/ with its README.md (what runs where),
 * tests/browser/<slug>.test.ts, and for a topic page its exercises.ts and results.ts in
 * src/compute/<slug>/ and its front-page preview src/components/<slug>/preview.ts;
 * when the page has them, the rest of src/components/<slug>/,
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

/**
 * The topic of a page that serves the whole course rather than teaching one topic (the exercises
 * page): the sidebar lists it in its last section, GUIDE_SECTION, and the front page's reading
 * order leaves it out.
 */
export const GUIDE = "guide";

export interface RefusedLink {
  param: string;
  value: string;
  /** The control's label as the page shows it. */
  label: string;
  /** What the notice says after "The link sets <param>=<value>, but ". */
  says: string;
  /** False where the control has no notice of its own, only the one at the top of the page. */
  beside?: false;
}

export interface SitePage {
  /** The page's file name: src/pages/<slug>.md, served at /pages/<slug>. */
  slug: string;
  title: string;
  topic: TopicId | typeof GUIDE;
  status: "built" | "coming";
  /** One sentence: what the page shows. */
  summary: string;
  /** Data loaders the page reads, as src/loaders/<name>.ts (name includes the extension). */
  loaders: readonly string[];
  /**
   * Link values the page must refuse (outside a control's range, not a number, not an option),
   * checked in tests/browser/quality.test.ts: the first value of each parameter in one link, a
   * parameter's second value in a second link.
   */
  refusedLinks: readonly RefusedLink[];
  /**
   * Whether the page has a latency part in `deno task bench` (`--only=<slug>`): the module
   * tests/bench/pages/<slug>.ts, exporting `latency(backend, webgpu)`.
   */
  bench: boolean;
  /**
   * Whether the page's first chart is drawn at build time into its HTML (src/tasks/prerender.ts):
   * src/components/<slug>/firstChart.ts says which chart and draws it at the defaults, and an
   * empty `<div data-prerender="<name>"></div>` in the page marks the chart's cell.
   */
  firstChart: boolean;
}

export const PAGES: readonly SitePage[] = [
  {
    slug: "dropout-toy",
    title: "Dropout on a two-feature toy",
    topic: "regularisation",
    status: "built",
    summary:
      "One example with features 10 and 1: dropout trades the minimum-norm fit for one where both features contribute equally, and the answer jumps as the drop rate reaches zero.",
    loaders: ["dropout-toy.json", "live-worker.js"],
    refusedLinks: [
      {
        param: "rate",
        value: "1.5",
        label: "drop rate r",
        says: "drop rate r must be between 0 and 0.9, got 1.5; using 0.5",
      },
      {
        param: "batch",
        value: "0",
        label: "batch size",
        says: "batch size must be a whole number between 1 and 256, got 0; using 32",
      },
      {
        param: "lr",
        value: "NaN",
        label: "learning rate",
        says: "learning rate must be between 0.0001 and 0.1, got NaN; using 0.002",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "dropout-noise",
    title: "Dropout and noise as penalties",
    topic: "regularisation",
    status: "built",
    summary:
      "Averaged over its masks, dropout is a ridge penalty scaled feature by feature; Gaussian multiplicative noise gives the same form, and dropout commutes with ReLU but not with sigmoid.",
    loaders: ["dropout-noise.json", "live-worker.js"],
    refusedLinks: [
      {
        param: "p",
        value: "0",
        label: "keep probability p",
        says: "keep probability p must be between 0.02 and 1, got 0; using 0.8",
      },
      {
        param: "sigma",
        value: "-1",
        label: "noise sd σ",
        says: "noise sd σ must be between 0 and 2, got -1; using 0.5",
      },
      {
        param: "n",
        value: "0",
        label: "n (rows)",
        says: "n (rows) must be a whole number between 1 and 400, got 0; using 50",
      },
      {
        param: "mu",
        value: "NaN",
        label: "noise mean μ",
        says: "noise mean μ must be between -2 and 2, got NaN; using 1",
      },
      {
        param: "rate",
        value: "1.2",
        label: "drop rate r",
        says: "drop rate r must be between 0 and 0.9, got 1.2; using 0.4",
      },
      {
        param: "p",
        value: "1.5",
        label: "keep probability p",
        says: "keep probability p must be between 0.02 and 1, got 1.5; using 0.8",
      },
    ],
    bench: true,
    firstChart: true,
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
      {
        param: "keepInput",
        value: "0",
        label: "keep probability, inputs",
        says: "keep probability, inputs must be between 0.05 and 1, got 0; using 0.5",
      },
      {
        param: "keepHidden",
        value: "1.5",
        label: "keep probability, hidden units",
        says: "keep probability, hidden units must be between 0.05 and 1, got 1.5; using 0.5",
      },
      {
        param: "n",
        value: "0",
        label: "training digits per class",
        says: "training digits per class must be between 10 and 300, got 0; using 300",
      },
      {
        param: "lr",
        value: "NaN",
        label: "learning rate",
        says: "learning rate must be between 0.0001 and 0.01, got NaN; using 0.001",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "double-descent",
    title: "Double descent and the tuned ridge",
    topic: "regularisation",
    status: "built",
    summary:
      "With random ReLU features and a tiny ridge penalty, test error peaks where the number of features meets the number of training points; a penalty tuned on validation data removes the peak.",
    loaders: ["double-descent.json", "live-worker.js"],
    refusedLinks: [
      {
        param: "ntrain",
        value: "0",
        label: "N_train",
        says: "N_train must be a whole number between 10 and 500, got 0; using 300",
      },
      {
        param: "lambda",
        value: "-1",
        label: "λ",
        says: "λ must be between 0.001 and 100, got -1; using 0.01",
      },
      {
        param: "d",
        value: "abc",
        label: "d",
        says: "d must be a whole number between 1 and 200, got NaN; using 35",
      },
    ],
    bench: true,
    firstChart: true,
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
      {
        param: "depth",
        value: "0",
        label: "depth L",
        says: "depth L must be a whole number between 1 and 50, got 0; using 30",
      },
      {
        param: "width",
        value: "0",
        label: "width d",
        says: "width d must be between 8 and 512, got 0; using 128",
      },
      {
        param: "sigma",
        value: "-1",
        label: "σ (weight std × √d)",
        says: "σ (weight std × √d) must be between 0.1 and 3, got -1; using 1.41",
      },
      {
        param: "batch",
        value: "NaN",
        label: "batch size",
        says: "batch size must be a whole number between 1 and 256, got NaN; using 64",
      },
    ],
    bench: false,
    firstChart: true,
  },
  {
    slug: "residual",
    title: "Vanishing gradients and residual connections",
    topic: "depth",
    status: "built",
    summary:
      "A sigmoid's slope never exceeds 1/4, so deep sigmoid stacks lose their gradient; a skip connection adds an identity that keeps it.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "depth",
        value: "0",
        label: "depth L",
        says: "depth L must be a whole number between 3 and 50, got 0; using 30",
      },
      {
        param: "width",
        value: "0",
        label: "width m",
        says: "width m must be a whole number between 2 and 128, got 0; using 64",
      },
      {
        param: "sigma",
        value: "-1",
        label: "σ (weight std × √m)",
        says: "σ (weight std × √m) must be between 0.1 and 3, got -1; using 1",
      },
      {
        param: "layer",
        value: "NaN",
        label: "layer j",
        says: "layer j must be a whole number between 2 and 49, got NaN; using 20",
      },
      {
        param: "x1",
        value: "NaN",
        label: "x₁, first entry of X₀",
        says: "x₁, first entry of X₀ must be between -3 and 3, got NaN; using 1",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "normalisation",
    title: "Batch and layer normalisation",
    topic: "normalisation",
    status: "built",
    summary:
      "Which axes batch and layer norm average over, why a batch of one passes no gradient back, and batch norm's full backward pass checked against autodiff.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "n",
        value: "0",
        label: "batch size n",
        says: "batch size n must be a whole number between 1 and 256, got 0; using 16",
      },
      {
        param: "X",
        value: "1,NaN",
        label: "batch X (one example per line)",
        says:
          "X, row 1, entry 2 is NaN: every entry must be a finite number; using the default 4 × 3 batch",
        beside: false,
      },
      {
        param: "delta",
        value: "-1",
        label: "change δ to examples 2 and 3",
        says: "change δ to examples 2 and 3 must be between 0 and 3, got -1; using 1",
      },
      {
        param: "eps",
        value: "0.1",
        label: "ε",
        says: "ε must be one of 0.001, 0.00001; using 0.001",
      },
      {
        param: "X",
        value: "",
        label: "batch X (one example per line)",
        says:
          "X has no rows: a batch needs at least one example (with none there is no mean to subtract); using the default 4 × 3 batch",
        beside: false,
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "normalisation-geometry",
    title: "What normalisation does to data and weights",
    topic: "normalisation",
    status: "built",
    summary:
      "Batch norm maps any Gaussian to N(β, γ²) but keeps its correlations, unlike whitening; weight normalisation splits a weight into a length and a direction, and its gradient is orthogonal to the direction.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "batch",
        value: "0",
        label: "batch size m",
        says: "batch size m must be between 2 and 1024, got 0; using 256",
      },
      {
        param: "variance",
        value: "0",
        label: "input variance σ²",
        says: "input variance σ² must be between 0.01 and 4, got 0; using 0.16",
      },
      {
        param: "var1",
        value: "-1",
        label: "variance of x₁",
        says: "variance of x₁ must be between 0.05 and 4, got -1; using 2",
      },
      {
        param: "rho",
        value: "1",
        label: "correlation ρ",
        says: "correlation ρ must be between -0.95 and 0.95, got 1; using 0.7",
      },
      {
        param: "mean",
        value: "NaN",
        label: "input mean μ",
        says: "input mean μ must be between -3 and 3, got NaN; using 1.5",
      },
      {
        param: "uLength",
        value: "0",
        label: "length ‖u₀‖",
        says: "length ‖u₀‖ must be between 0.1 and 4, got 0; using 0.5",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "convolution",
    title: "Convolution arithmetic and parameter counts",
    topic: "convolution",
    status: "built",
    summary:
      "Recover a filter from its output, upsample with a transposed convolution, and count parameters: 213,504 for a bottleneck against 78,592 for 32 thin paths.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "stride2",
        value: "0",
        label: "2-D stride",
        says: "2-D stride must be a whole number between 1 and 3, got 0; using 1",
      },
      {
        param: "cin",
        value: "0",
        label: "input channels",
        says: "input channels must be a whole number between 1 and 512, got 0; using 3",
      },
      {
        param: "kernel",
        value: "12",
        label: "kernel size",
        says: "kernel size must be a whole number between 1 and 11, got 12; using 3",
      },
      {
        param: "x1",
        value: "NaN",
        label: "signal x₁",
        says: "signal x₁ must be between -10 and 10, got NaN; using 1",
      },
      {
        param: "bias",
        value: "some",
        label: "biases",
        says: "biases must be one of none, pointwise, both; using none",
      },
    ],
    bench: true,
    firstChart: true,
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
      {
        param: "rate",
        value: "0.95",
        label: "drop rate r",
        says: "drop rate r must be between 0.05 and 0.8, got 0.95; using 0.5",
      },
      {
        param: "batch",
        value: "0",
        label: "batch size",
        says: "batch size must be between 5 and 100, got 0; using 25",
      },
      {
        param: "lr",
        value: "NaN",
        label: "learning rate",
        says: "learning rate must be between 0.001 and 0.3, got NaN; using 0.02",
      },
      {
        param: "bn",
        value: "maybe",
        label: "batch norm",
        says: "batch norm must be one of on, off; using on",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "momentum",
    title: "Momentum, running averages and Adam's correction",
    topic: "optimisation",
    status: "built",
    summary:
      "Momentum is a running average of gradients in disguise; the average starts biased towards zero by the factor 1 − βᵗ, which Adam divides out.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "beta",
        value: "1",
        label: "momentum β",
        says: "momentum β must be between 0 and 0.99, got 1; using 0.9",
      },
      {
        param: "step",
        value: "0",
        label: "step size ε",
        says: "step size ε must be between 0.01 and 4, got 0; using 1",
      },
      {
        param: "kappa",
        value: "NaN",
        label: "condition number κ",
        says: "condition number κ must be a whole number between 1 and 200, got NaN; using 50",
      },
      {
        param: "beta2",
        value: "-0.5",
        label: "Adam β₂",
        says: "Adam β₂ must be between 0 and 0.999, got -0.5; using 0.999",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "rnn-gradients",
    title: "Gradients through time",
    topic: "recurrent",
    status: "built",
    summary:
      "When the recurrent weights' norm times the activation's largest slope stays below 1, the gradient reaching early steps shrinks geometrically.",
    loaders: ["live-worker.js"],
    refusedLinks: [
      {
        param: "T",
        value: "0",
        label: "steps T",
        says: "steps T must be a whole number between 1 and 200, got 0; using 60",
      },
      {
        param: "s",
        value: "-1",
        label: "spectral norm s of W",
        says: "spectral norm s of W must be between 0.05 and 3, got -1; using 0.9",
      },
      {
        param: "a",
        value: "NaN",
        label: "input size a",
        says: "input size a must be between 0 and 4, got NaN; using 0.1",
      },
      {
        param: "act",
        value: "gelu",
        label: "activation σ",
        says: "activation σ must be one of tanh, sigmoid, relu; using tanh",
      },
    ],
    bench: true,
    firstChart: true,
  },
  {
    slug: "exercises",
    title: "Exercises",
    topic: GUIDE,
    status: "built",
    summary:
      "Every exercise on the site, topic by topic, each linking to its card where fresh numbers, a checked answer and a worked solution wait, with your progress kept in this browser.",
    loaders: [],
    refusedLinks: [],
    bench: false,
    firstChart: false,
  },
];

/**
 * Pages beside the topics' own, for the whole course: each is a page loader, src/<slug>.md.ts,
 * served at /<slug>, listed in the sidebar's last section. A guide page owns only its loader (and
 * draws no chart and has no control), so the browser suites check it like the front page.
 */
export interface GuidePage {
  slug: string;
  title: string;
  /** One sentence: what the page holds. */
  summary: string;
}

export const GUIDE_SECTION = "The course";

export const GUIDE_PAGES: readonly GuidePage[] = [
  {
    slug: "course-results",
    title: "Course results",
    summary:
      "Every result of the course documents in our own words, with where it is stated, the page that shows it and the tests that check it.",
  },
];

/** The site path of a guide page. */
export function guidePath(page: GuidePage): string {
  return `/${page.slug}`;
}

export function pageBySlug(slug: string): SitePage | undefined {
  return PAGES.find((page) => page.slug === slug);
}

/** The site path of a page, as the sidebar lists it. */
export function pagePath(page: SitePage): string {
  return `/pages/${page.slug}`;
}

/** The pages in the order a reader should read them: the built pages of the course's topics. */
export function readingOrder(pages: readonly SitePage[] = PAGES): SitePage[] {
  return pages.filter((page) => page.status === "built" && page.topic !== GUIDE);
}

/**
 * Framework's `pages` option: one section per topic that has a built page, in TOPICS order, then
 * GUIDE_SECTION: the guide-topic pages, then the guide pages (GUIDE_PAGES).
 */
export function sidebar(pages: readonly SitePage[] = PAGES) {
  const topics = (Object.keys(TOPICS) as TopicId[]).map((topic) => ({
    name: TOPICS[topic] as string,
    pages: pages.filter((page) => page.topic === topic && page.status === "built").map((page) => ({
      name: page.title,
      path: pagePath(page),
    })),
  })).filter((section) => section.pages.length > 0);
  const guide = [
    ...pages.filter((page) => page.topic === GUIDE && page.status === "built").map((page) => ({
      name: page.title,
      path: pagePath(page),
    })),
    ...GUIDE_PAGES.map((page) => ({ name: page.title, path: guidePath(page) })),
  ];
  return [...topics, { name: GUIDE_SECTION, pages: guide }];
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
 * Every file a built page owns by its slug and its entry; each must exist (src/pages/<slug>.md may
 * be written by its page loader, src/pages/<slug>.md.ts). A topic's page lists its exercises and
 * course results in its own folder (src/fromPages.ts gathers them). Its
 * tests/browser/pages/<slug>.ts gives the shared browser suites its charts, leak moves, backend
 * numbers and Stop cases (tests/browser/pageData.ts).
 */
export function ownFiles(page: SitePage): string[] {
  return [
    `src/pages/${page.slug}.md`,
    `src/compute/${page.slug}/README.md`,
    // A topic page's exercises, its course results and its card's picture on the front page
    // (src/index.md.ts); a guide page has none of them.
    ...(page.topic === GUIDE ? [] : [
      `src/compute/${page.slug}/exercises.ts`,
      `src/compute/${page.slug}/results.ts`,
      `src/components/${page.slug}/preview.ts`,
    ]),
    `tests/browser/${page.slug}.test.ts`,
    `tests/browser/pages/${page.slug}.ts`,
    ...page.loaders.flatMap((loader) => [`src/loaders/${loader}.ts`, loaderTest(loader)]),
    ...(page.bench ? [benchPart(page)] : []),
    ...(page.firstChart ? [`src/components/${page.slug}/firstChart.ts`] : []),
  ];
}
