/**
 * The state of one live section of a page, shown to every reader the same way: one polite status
 * line (updated in place, so screen readers hear changes instead of a pile of new nodes), a
 * progress bar, and a Stop button for long runs. The section element in the page markdown,
 * `<section data-live-section="NAME">`, carries `data-state` (loading → running → done | error),
 * which tests and benchmarks read to know when the page has finished drawing.
 */
export type LiveState = "loading" | "running" | "done" | "error";

export interface LiveSection {
  /** Status line, progress bar and Stop button, to display once inside the section. */
  node: HTMLElement;
  /** Starts a run: stops the one before and returns the new run's abort signal. */
  begin(message: string): AbortSignal;
  /** Reports progress of the current run; fraction in [0, 1]. */
  progress(fraction: number, message: string): void;
  /** Ends the current run with a final message. */
  finish(message: string, state?: "done" | "error"): void;
  /** True when the reader pressed Stop during the current run. */
  readonly stopped: boolean;
}

export function liveSection(name: string): LiveSection {
  const status = document.createElement("p");
  status.className = "live-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", "progress of the live computation");
  const stop = document.createElement("button");
  stop.type = "button";
  stop.dataset.action = "stop";
  stop.textContent = "Stop";
  stop.disabled = true;
  const node = document.createElement("div");
  node.className = "live-bar";
  node.append(bar, stop, status);

  let controller: AbortController | undefined;
  let stopped = false;
  const setState = (state: LiveState) => {
    const section = document.querySelector<HTMLElement>(
      `[data-live-section="${CSS.escape(name)}"]`,
    );
    if (section) section.dataset.state = state;
    node.dataset.state = state;
    const running = state === "running";
    stop.disabled = !running;
    bar.hidden = !running;
  };
  stop.addEventListener("click", () => {
    stopped = true;
    controller?.abort();
  });
  setState("loading");

  return {
    node,
    begin(message) {
      controller?.abort();
      controller = new AbortController();
      stopped = false;
      bar.value = 0;
      status.textContent = message;
      setState("running");
      return controller.signal;
    },
    progress(fraction, message) {
      bar.value = Math.max(0, Math.min(1, fraction));
      status.textContent = message;
    },
    finish(message, state = "done") {
      status.textContent = message;
      setState(state);
    },
    get stopped() {
      return stopped;
    },
  };
}
