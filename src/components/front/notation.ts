/**
 * The course results are written in plain text with the course's index notation (y_{ℓ−1}, 3^{L−k},
 * ∇_wL, N_train). On the front page that notation becomes real sub- and superscripts (HTML sub and
 * sup), so no reader sees an underscore or a brace. Test names keep their source spelling (the
 * front-page test finds each test by its name); only their display is changed.
 */
/**
 * What one `_` subscripts: a braced group, ℓ with its own Unicode subscripts (A_ℓy is A_ℓ times
 * y), a run of lower-case letters and digits (N_train, R_ij; ∇_wL is ∇_w times L), or one capital.
 * A name of two letters or more before the `_` (GRAPH_EDGES, SPLIT_SEED) is an identifier in code.
 */
const subscript = /(?<![A-Za-z]{2})_(?:\{([^{}]*)\}|(ℓ[₀-₉₊₋]*)|([a-z0-9]+)|([A-Z])(?![A-Za-z_]))/g;
/** What one `^` raises: a braced or bracketed group, a signed number, one letter, or ½. */
const superscript = /\^(?:\{([^{}]*)\}|\(([^()]*)\)|([−-]?[0-9]+(?:\.[0-9]+)?)|([A-Za-z½]))/g;

const group = (_: string, ...parts: (string | undefined)[]) =>
  parts.slice(0, 4).find((part) => part !== undefined) ?? "";

/**
 * Already escaped HTML with its _ and ^ turned into sub and sup elements (escaping leaves _, ^,
 * braces and brackets alone, so it may come first).
 */
export function subSupHtml(html: string): string {
  return html
    .replace(subscript, (...match) => `<sub>${group(...(match as [string]))}</sub>`)
    .replace(superscript, (...match) => `<sup>${group(...(match as [string]))}</sup>`);
}
