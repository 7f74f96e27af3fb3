/**
 * What a page's `src/components/<slug>/firstChart.ts` exports when its manifest entry sets
 * `firstChart` (src/site.ts): the page's first chart at its default settings, drawn at build time
 * with the same component the page uses, so that it is in the HTML from the first paint
 * (src/tasks/prerender.ts). The live chart replaces it in place when its cell runs.
 */

/**
 * A loader's output as the build made it, by the loader's name ("double-descent.json"): a JSON
 * file parsed, any other file's bytes as an ArrayBuffer.
 */
export type LoaderOutput = (loader: string) => Promise<unknown>;

export interface FirstChart {
  /** The chart's name (chartFigure's `name`, its data-chart): the page's first figure.chart. */
  name: string;
  /**
   * The width the chart's cell gets on a 1280 px wide screen (704 in the main column, 310 in a
   * card of a two-column grid): the picture is drawn at it and scales down on narrower screens.
   */
  width: number;
  /**
   * The chart as the page's cell draws it at its default settings and the given width; `loaderOutput`
   * reads the build's loader files (the page reads the same files with FileAttachment).
   */
  draw(width: number, loaderOutput: LoaderOutput): Element | Promise<Element>;
}
