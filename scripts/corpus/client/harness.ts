// What every client entry shares: the data the generator put in the page, and the signal that
// the library has finished drawing it (after its layout and transitions settled).
declare global {
  interface Window {
    __CORPUS__: unknown;
    __corpusDone?: boolean;
    __corpusRendered?: number[];
  }
}

export function props<T>(): T {
  return window.__CORPUS__ as T;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** waits `ms` and two frames, lets running animations finish, then tells the generator */
export async function done(ms = 400, rendered?: () => number[]): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await frame();
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  await frame();
  window.__corpusRendered = rendered?.();
  window.__corpusDone = true;
}

/** a container for the page, in <body> */
export function root(id = 'root'): HTMLElement {
  return document.getElementById(id) ?? document.body.appendChild(Object.assign(document.createElement('div'), { id }));
}
