/**
 * A small matrix typed as text: a labelled textarea inside a form, whose `value` is the text and
 * which fires "input" as the reader types, so an Observable `view()` follows it. What the text
 * means (and what is wrong with it) is the page's business: parseMatrixText in src/compute.
 */
export type MatrixInput = HTMLFormElement & { value: string };

let count = 0;

export function matrixInput(
  { label, value, rows = 5, hint }: { label: string; value: string; rows?: number; hint?: string },
): MatrixInput {
  const id = `matrix-input-${++count}`;
  const form = document.createElement("form") as MatrixInput;
  form.className = "matrix-input";
  form.dataset.control = label;
  form.addEventListener("submit", (event) => event.preventDefault());
  const name = document.createElement("label");
  name.htmlFor = id;
  name.textContent = label;
  const area = document.createElement("textarea");
  area.id = id;
  area.rows = rows;
  area.spellcheck = false;
  area.autocomplete = "off";
  area.value = value;
  form.append(name, area);
  if (hint) {
    const note = document.createElement("p");
    note.id = `${id}-hint`;
    note.className = "matrix-input-hint";
    note.textContent = hint;
    area.setAttribute("aria-describedby", note.id);
    form.append(note);
  }
  Object.defineProperty(form, "value", {
    get: () => area.value,
    set: (text: string) => {
      area.value = text;
    },
  });
  return form;
}
