/**
 * A page's controls built from their descriptions (controlSpecs.ts), with the accessible names
 * Observable Inputs leaves out, messages for refused values, and Reset / Copy link.
 *
 * The panel keeps the link in step with the controls itself: after any control moves (a drag, a
 * typed value, Reset, a page button that sets an input and dispatches "input") and once at start,
 * it writes the values that differ from their defaults into the URL, URL_DELAY_MS after the last
 * change, since rewriting the URL on every step of a drag costs the browser several milliseconds.
 */
import * as Inputs from "@observablehq/inputs";
import { readParams, writeParams } from "./urlState.js";
import { notice } from "./notice.js";
import {
  changedValues,
  checkRange,
  type ChoiceControl,
  type Control,
  paramSpecs,
  type RangeControl,
  show,
  type Values,
} from "./controlSpecs.js";

export type { Control, Values };

export type ControlInput = HTMLFormElement & { value: number | string };

function rangeInput(control: RangeControl, value: number, problems: HTMLElement): ControlInput {
  const log = control.scale === "log";
  const form = Inputs.range([control.min, control.max], {
    label: control.label,
    value,
    step: control.step,
    ...(log ? { transform: Math.log } : {}),
  }) as ControlInput;
  form.dataset.control = control.label;
  if (log) form.dataset.scale = "log";
  const number = form.querySelector<HTMLInputElement>("input[type=number]")!;
  const slider = form.querySelector<HTMLInputElement>("input[type=range]")!;
  slider.setAttribute("aria-label", control.label);
  const announce = () => {
    // A log slider's own value is the logarithm; the reader should hear the number they see.
    if (log) slider.setAttribute("aria-valuetext", show(control, Number(form.value)));
  };
  announce();
  form.addEventListener("input", announce);
  number.addEventListener("input", () => {
    let message = "";
    try {
      checkRange(control, number.value.trim() === "" ? NaN : Number(number.value));
    } catch (error) {
      message = `${(error as Error).message}; keeping ${show(control, Number(form.value))}.`;
    }
    number.setAttribute("aria-invalid", String(message !== ""));
    setProblem(problems, control.label, message);
  });
  // Leaving the box puts back the value in use, so the box never shows what is not computed.
  number.addEventListener("change", () => {
    if (number.getAttribute("aria-invalid") === "true") {
      number.value = show(control, Number(form.value));
      number.setAttribute("aria-invalid", "false");
      setProblem(problems, control.label, "");
    }
  });
  return form;
}

function choiceInput(control: ChoiceControl, value: string): ControlInput {
  // The published typings of radio() omit options it documents and accepts (label, value).
  const radio = Inputs.radio as (data: readonly string[], options: object) => HTMLFormElement;
  const form = radio(control.choices, {
    label: control.label,
    value,
    format: control.format,
  }) as ControlInput;
  form.dataset.control = control.label;
  // Observable Inputs' group label is tied to no input; the options' box becomes a named group.
  const label = form.querySelector(":scope > label");
  const group = form.querySelector(":scope > div");
  if (label && group) {
    label.id ||= `control-${control.label.replace(/\W+/g, "-")}-${
      Math.random().toString(36).slice(2)
    }`;
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-labelledby", label.id);
  }
  return form;
}

/** Shows or clears the message for one control inside the panel's problem box. */
function setProblem(box: HTMLElement, key: string, message: string): void {
  const existing = box.querySelector<HTMLElement>(`[data-problem="${CSS.escape(key)}"]`);
  if (!message) existing?.remove();
  else if (existing) existing.textContent = message;
  else {
    const p = document.createElement("p");
    p.dataset.problem = key;
    p.textContent = message;
    box.append(p);
  }
  box.hidden = box.childElementCount === 0;
}

/** How long the link waits after the last control change before it follows, ms. */
export const URL_DELAY_MS = 100;

export interface ControlPanel<Cs extends Record<string, Control>> {
  /** One Observable Inputs form per control, for `view()` in the page. */
  inputs: { [K in keyof Cs]: ControlInput };
  /** Reset, Copy link, and the messages about refused values (link or typed). */
  actions: HTMLElement;
  /** The top-of-page notice of the link's refused values (hidden when there are none). */
  linkNotice: HTMLElement;
}

/**
 * Builds every control of a page, starting from the values in the page's link; the link's refused
 * values are reported both next to the controls and in `linkNotice`. The panel writes the URL
 * itself, leaving defaults out, URL_DELAY_MS after the last change.
 */
export function controlPanel<Cs extends Record<string, Control>>(controls: Cs): ControlPanel<Cs> {
  const { values, problems: linkProblems } = readParams(
    paramSpecs(controls),
    globalThis.location.search,
  );
  const problems = document.createElement("div");
  problems.className = "notice notice-warning";
  problems.setAttribute("role", "alert");
  linkProblems.forEach((message, i) => setProblem(problems, `link-${i}`, message));
  problems.hidden = problems.childElementCount === 0;

  const inputs = {} as { [K in keyof Cs]: ControlInput };
  for (const key of Object.keys(controls) as (keyof Cs & string)[]) {
    const control = controls[key];
    inputs[key] = control.kind === "choice"
      ? choiceInput(control, values[key] as string)
      : rangeInput(control, values[key] as number, problems);
  }

  const status = document.createElement("span");
  status.className = "control-status";
  status.setAttribute("role", "status");
  const reset = document.createElement("button");
  reset.type = "button";
  reset.dataset.action = "reset";
  reset.textContent = "Reset";
  reset.addEventListener("click", () => {
    for (const key of Object.keys(controls) as (keyof Cs & string)[]) {
      const input = inputs[key];
      if (input.value === controls[key].default) continue;
      input.value = controls[key].default;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    for (const child of [...problems.children]) child.remove();
    problems.hidden = true;
    status.textContent = "Every control is back at its default.";
  });
  const copy = document.createElement("button");
  copy.type = "button";
  copy.dataset.action = "copy-link";
  copy.textContent = "Copy link";
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link to this view copied.";
    } catch {
      status.textContent = `Copy this link: ${location.href}`;
    }
  });
  const buttons = document.createElement("div");
  buttons.className = "control-actions";
  buttons.append(reset, copy, status);
  const actions = document.createElement("div");
  actions.append(problems, buttons);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const current = () =>
    Object.fromEntries(
      Object.keys(controls).map((key) => [key, inputs[key as keyof Cs].value]),
    ) as Values<Cs>;
  const followLater = () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeParams(changedValues(controls, current())), URL_DELAY_MS);
  };
  for (const input of Object.values(inputs)) input.addEventListener("input", followLater);
  followLater();

  return {
    inputs,
    actions,
    linkNotice: notice(linkProblems, { about: "link" }),
  };
}

/**
 * Sets controls from page code (a button, a drag) as a reader would: each changed input gets its
 * value and an "input" event, so the page's cells and the link follow.
 */
export function setControls<K extends string>(
  inputs: Record<K, ControlInput | (HTMLFormElement & { value: number | string })>,
  values: Partial<Record<K, number | string>>,
): void {
  for (const [key, value] of Object.entries(values) as [K, number | string][]) {
    const input = inputs[key];
    if (input.value === value) continue;
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
