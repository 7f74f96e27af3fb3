/**
 * What a control is, as data: the slider, the check of a value from a link and the message for a
 * bad one all read these bounds, so a link can never set what the slider cannot show. No DOM here.
 */
import type { ParamSpec, Specs } from "./urlState.js";

export interface RangeControl {
  kind: "range";
  label: string;
  min: number;
  max: number;
  default: number;
  /** Grid of a linear slider; a log slider accepts any value in [min, max]. */
  step?: number;
  scale?: "linear" | "log";
  /** How the reader sees the value (and hears it, for log sliders). */
  format?: (value: number) => string;
}

export interface ChoiceControl<T extends string = string> {
  kind: "choice";
  label: string;
  choices: readonly T[];
  default: T;
  format?: (choice: T) => string;
}

export type Control = RangeControl | ChoiceControl;
type ValueOf<C> = C extends ChoiceControl<infer T> ? T : number;
export type Values<Cs extends Record<string, Control>> = { [K in keyof Cs]: ValueOf<Cs[K]> };

export function show(control: RangeControl, value: number): string {
  return control.format ? control.format(value) : String(value);
}

/** Checks a number against a slider's bounds and grid; the RangeError says what is allowed. */
export function checkRange(control: RangeControl, value: number): number {
  const whole = control.scale !== "log" && control.step === 1;
  const range = `${whole ? "a whole number " : ""}between ${show(control, control.min)} and ${
    show(control, control.max)
  }`;
  if (!Number.isFinite(value) || value < control.min || value > control.max) {
    throw new RangeError(`${control.label} must be ${range}, got ${value}`);
  }
  if (control.scale !== "log" && control.step !== undefined) {
    const k = (value - control.min) / control.step;
    if (Math.abs(k - Math.round(k)) > 1e-6) {
      const grid = whole ? "" : ` in steps of ${control.step}`;
      throw new RangeError(`${control.label} must be ${range}${grid}, got ${value}`);
    }
  }
  return value;
}

function paramSpec(control: Control): ParamSpec<number | string> {
  if (control.kind === "choice") {
    return {
      default: control.default,
      parse(text) {
        const found = control.choices.find((choice) => choice === text);
        if (found === undefined) {
          throw new RangeError(`${control.label} must be one of ${control.choices.join(", ")}`);
        }
        return found;
      },
    };
  }
  return {
    default: control.default,
    parse: (text) => checkRange(control, text.trim() === "" ? NaN : Number(text)),
  };
}

/** The URL specs of a set of controls, for readParams. */
export function paramSpecs<Cs extends Record<string, Control>>(controls: Cs): Specs<Values<Cs>> {
  return Object.fromEntries(
    Object.entries(controls).map(([key, control]) => [key, paramSpec(control)]),
  ) as unknown as Specs<Values<Cs>>;
}

/** The query-string values that differ from their defaults: a default view has a clean URL. */
export function changedValues<Cs extends Record<string, Control>>(
  controls: Cs,
  values: Values<Cs>,
): Record<string, string | number | null> {
  return Object.fromEntries(
    Object.entries(controls).map(([key, control]) => {
      const value = values[key as keyof Cs] as number | string;
      return [key, value === control.default ? null : value];
    }),
  );
}
