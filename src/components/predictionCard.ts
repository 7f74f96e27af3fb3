/**
 * "Predict, then run": a card that asks the reader to commit to a prediction before an experiment
 * runs at a stated setting, then says whether the prediction held, with the measured numbers.
 *
 * In a page:
 *
 *     const card = predictionCard(panel.inputs, spec);   // spec: question, options, setting, describe
 *     display(card.node);
 *     // in the cell that reads the run's last frame, once the run at some settings has finished:
 *     card.settle(settings, outcome);                     // outcome: which option happened, and its numbers
 *
 * "Commit and run" locks the choice and moves the page's controls to the spec's setting (the
 * control panel writes the URL itself); the page's own cells then run the experiment. `settle`
 * judges only a run whose settings are the spec's setting while the controls still hold it: a
 * reader who moves a control away before the run ends is told the run no longer matches the
 * prediction's setting, and nothing is judged until the controls are back at it.
 *
 * The state machine (`nextCardState`) is plain data, tested without a DOM; the node only draws it.
 */
import { type ControlInput, setControls } from "./controls.js";

export type SettingValue = number | string;
export type Setting = Readonly<Record<string, SettingValue>>;

export interface PredictionOption {
  /** What the outcome function returns when this option happened. */
  id: string;
  /** The option as the reader reads it. */
  label: string;
}

/** What a run gave: which option happened, and whatever numbers `describe` prints. */
export interface PredictionOutcome {
  option: string;
}

export interface PredictionSpec<O extends PredictionOutcome = PredictionOutcome> {
  /** Names the card in the page (data-prediction) and in tests. */
  name: string;
  question: string;
  options: readonly PredictionOption[];
  /** Control name → value: the setting the experiment runs at. */
  setting: Setting;
  /** The setting in words, shown under the question, e.g. "sigmoid, depth L = 40". */
  settingText: string;
  /** One or two sentences with the measured numbers, printed through the site's formatters. */
  describe: (outcome: O) => string;
}

export type CardPhase = "choosing" | "running" | "moved" | "settled";

export interface CardState {
  phase: CardPhase;
  /** The option the reader committed to (from "running" on). */
  choice?: string;
  /** The last finished run the page reported, at any settings. */
  lastRun?: { settings: Setting; outcome: PredictionOutcome };
  /** The outcome judged ("settled"). */
  judged?: PredictionOutcome;
  /** The controls that moved away from the setting ("moved"), by name. */
  moved?: readonly string[];
}

export type CardEvent =
  /** The reader committed; `values` are the controls just before the card applied the setting. */
  | { type: "commit"; choice: string; values: Setting }
  /** A control moved; `values` are the controls now. */
  | { type: "controls"; values: Setting }
  /** A run at `settings` finished with `outcome`. */
  | { type: "settle"; settings: Setting; outcome: PredictionOutcome }
  /** The reader asked to predict again. */
  | { type: "again" };

export const INITIAL_CARD_STATE: CardState = { phase: "choosing" };

/**
 * Whether a control holds a setting's value. Numbers may differ by rounding: a log slider hands
 * back exp(log(x)), e.g. 0.010000000000000002 for 0.01.
 */
function holds(value: SettingValue | undefined, wanted: SettingValue): boolean {
  if (typeof value === "number" && typeof wanted === "number") {
    return Math.abs(value - wanted) <= 1e-9 * Math.max(Math.abs(value), Math.abs(wanted));
  }
  return value === wanted;
}

/** The names of the setting's controls whose value in `values` differs from the setting. */
export function movedControls(setting: Setting, values: Setting): string[] {
  return Object.keys(setting).filter((key) => !holds(values[key], setting[key]));
}

/** Whether `values` hold every control of the setting at its value (other controls are free). */
export function atSetting(setting: Setting, values: Setting): boolean {
  return movedControls(setting, values).length === 0;
}

/** The next state of a card with this setting after `event`. */
export function nextCardState(setting: Setting, state: CardState, event: CardEvent): CardState {
  switch (event.type) {
    case "commit": {
      if (state.phase !== "choosing") return state;
      const running: CardState = { ...state, phase: "running", choice: event.choice };
      // The controls were already at the setting and its run had finished: nothing will run again,
      // and that run is the run at the setting.
      const done = state.lastRun;
      if (atSetting(setting, event.values) && done && atSetting(setting, done.settings)) {
        return { ...running, phase: "settled", judged: done.outcome };
      }
      return running;
    }
    case "controls": {
      if (state.phase !== "running" && state.phase !== "moved") return state;
      const moved = movedControls(setting, event.values);
      return moved.length > 0
        ? { ...state, phase: "moved", moved }
        : { ...state, phase: "running", moved: undefined };
    }
    case "settle": {
      const lastRun = { settings: event.settings, outcome: event.outcome };
      if (state.phase === "running" && atSetting(setting, event.settings)) {
        return { ...state, lastRun, phase: "settled", judged: event.outcome };
      }
      return { ...state, lastRun };
    }
    case "again":
      return { lastRun: state.lastRun, phase: "choosing" };
  }
}

/** What the card's live region says in `state` (empty while the reader chooses). */
export function cardMessage<O extends PredictionOutcome>(
  spec: Pick<PredictionSpec<O>, "options" | "describe">,
  state: CardState,
  labelOf: (control: string) => string = (control) => control,
): string {
  const label = (id: string | undefined) =>
    spec.options.find((option) => option.id === id)?.label ?? String(id);
  switch (state.phase) {
    case "choosing":
      return "";
    case "running":
      return `You predicted “${label(state.choice)}”. Running the experiment at its setting…`;
    case "moved": {
      const names = (state.moved ?? []).map(labelOf).join(", ");
      return `The controls no longer match the prediction's setting (${names} moved), so this run does not judge it. Put them back, or press “Run at the setting again”.`;
    }
    case "settled": {
      const outcome = state.judged!;
      const detail = spec.describe(outcome as O);
      const sentence = detail.charAt(0).toUpperCase() + detail.slice(1);
      return outcome.option === state.choice
        ? `Your prediction held: ${detail}`
        : `Your prediction did not hold: you predicted “${
          label(state.choice)
        }”, and the answer was “${label(outcome.option)}”. ${sentence}`;
    }
  }
}

export interface PredictionCard<O extends PredictionOutcome> {
  node: HTMLElement;
  /** Reports a finished run at `settings` (the run's own settings, not the controls now). */
  settle(settings: Setting, outcome: O): void;
}

let cardCount = 0;

/** The card for `spec`, acting on the page's `inputs` (controlPanel's). */
export function predictionCard<O extends PredictionOutcome>(
  inputs: Record<string, ControlInput>,
  spec: PredictionSpec<O>,
): PredictionCard<O> {
  const id = `prediction-${spec.name}-${++cardCount}`;
  const node = document.createElement("div");
  node.className = "card prediction-card";
  node.dataset.prediction = spec.name;

  const form = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = spec.question;
  const where = document.createElement("p");
  where.className = "prediction-setting";
  where.textContent = `Setting: ${spec.settingText}.`;
  form.append(legend, where);
  const radios = spec.options.map((option, i) => {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = id;
    radio.value = option.id;
    radio.id = `${id}-${i}`;
    label.htmlFor = radio.id;
    label.append(radio, ` ${option.label}`);
    form.append(label);
    return radio;
  });

  const commit = document.createElement("button");
  commit.type = "button";
  commit.dataset.action = "commit";
  const again = document.createElement("button");
  again.type = "button";
  again.dataset.action = "predict-again";
  again.textContent = "Predict again";
  const buttons = document.createElement("div");
  buttons.className = "control-actions";
  buttons.append(commit, again);

  const status = document.createElement("p");
  status.className = "prediction-verdict";
  status.setAttribute("aria-live", "polite");
  // Commit hides its own button: focus moves to the verdict's line, so a keyboard stays in the card.
  status.tabIndex = -1;
  node.append(form, buttons, status);

  const labelOf = (control: string) => inputs[control]?.dataset.control ?? control;
  const values = (): Setting =>
    Object.fromEntries(Object.keys(spec.setting).map((key) => [key, inputs[key].value]));
  let state = INITIAL_CARD_STATE;

  const draw = () => {
    const choosing = state.phase === "choosing";
    for (const radio of radios) radio.disabled = !choosing;
    commit.hidden = !(choosing || state.phase === "moved");
    commit.textContent = choosing ? "Commit and run" : "Run at the setting again";
    commit.disabled = choosing && !radios.some((radio) => radio.checked);
    again.hidden = state.phase !== "settled";
    node.dataset.phase = state.phase;
    if (state.phase === "settled") {
      node.dataset.held = String(state.judged!.option === state.choice);
    } else delete node.dataset.held;
    const message = cardMessage(spec, state, labelOf);
    if (status.textContent !== message) status.textContent = message;
  };
  const dispatch = (event: CardEvent) => {
    state = nextCardState(spec.setting, state, event);
    draw();
  };

  for (const radio of radios) radio.addEventListener("change", draw);
  commit.addEventListener("click", () => {
    if (state.phase === "choosing") {
      const choice = radios.find((radio) => radio.checked)?.value;
      if (choice === undefined) return;
      dispatch({ type: "commit", choice, values: values() });
    }
    setControls(inputs, spec.setting);
    dispatch({ type: "controls", values: values() });
    status.focus();
  });
  again.addEventListener("click", () => {
    for (const radio of radios) radio.checked = false;
    dispatch({ type: "again" });
    radios[0]?.focus();
  });
  for (const key of Object.keys(spec.setting)) {
    inputs[key].addEventListener("input", () => dispatch({ type: "controls", values: values() }));
  }
  draw();

  return {
    node,
    settle: (settings, outcome) => dispatch({ type: "settle", settings, outcome }),
  };
}
