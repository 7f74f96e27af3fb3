/**
 * Play, Pause, Step and Reset for an animation over steps 0 … total, as an Observable view: its
 * value is the step shown, and it fires "input" on every change. `stop()` ends the timer (call it
 * when the clock is replaced).
 */
export interface RaceClock extends HTMLElement {
  value: number;
  stop(): void;
}

export function raceClock(total: number, { intervalMs = 40 } = {}): RaceClock {
  const node = document.createElement("div") as unknown as RaceClock;
  node.className = "race-clock control-actions";
  const button = (label: string, action: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = action;
    return b;
  };
  const play = button("Play", "play");
  const step = button("Step", "step");
  const reset = button("Reset race", "race-reset");
  const status = document.createElement("span");
  status.className = "control-status";
  status.setAttribute("aria-live", "off");
  node.append(play, step, reset, status);
  let value = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const show = () => {
    status.textContent = `step ${value} of ${total}`;
    play.textContent = timer ? "Pause" : "Play";
    play.dataset.action = timer ? "pause" : "play";
    step.disabled = value >= total;
  };
  const set = (next: number) => {
    value = Math.max(0, Math.min(total, next));
    show();
    node.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const pause = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    show();
  };
  play.addEventListener("click", () => {
    if (timer) return pause();
    if (value >= total) value = 0;
    timer = setInterval(() => {
      set(value + 1);
      if (value >= total) pause();
    }, intervalMs);
    show();
  });
  step.addEventListener("click", () => {
    pause();
    set(value + 1);
  });
  reset.addEventListener("click", () => {
    pause();
    set(0);
  });
  Object.defineProperty(node, "value", {
    get: () => value,
    set: (v: number) => {
      value = Math.max(0, Math.min(total, Math.round(v)));
      show();
    },
  });
  node.stop = pause;
  show();
  return node;
}
