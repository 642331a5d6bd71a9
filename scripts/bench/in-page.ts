// Timers that run inside the sidebar page (performance.now, a MutationObserver, the event's own
// timestamp), so no DevTools round trip is inside a measured time. Each function is sent to the
// page as source: it may use nothing from this module's scope.

/** whether the sidebar shows `name`'s record in full: name, tags, tasks, notes, appointments */
export function showsContact(name: string): boolean {
  const card = document.querySelector('[data-testid=contact-card]');
  return !!card && card.querySelector('h2')?.textContent === name &&
    ['tags', 'tasks', 'notes', 'appointments'].every((id) => card.querySelector(`[data-testid=${id}]`));
}

type BenchWindow = Window & { __bench?: Promise<{ start: number; end: number; painted?: number; listed?: number }> };

/**
 * Installed before the sidebar page loads: resolves with the time from navigation start until
 * the record of `name` is shown in full, and until the page's people were listed (looked up).
 */
export function timeOpenToContact(name: string, shows: string): void {
  const ok = new Function('name', `return (${shows})(name)`) as (n: string) => boolean;
  (window as BenchWindow).__bench = new Promise((resolve) => {
    let listed: number | undefined;
    const check = () => {
      listed ??= document.querySelector('[aria-label="People on this page"] button') ? performance.now() : undefined;
      if (!ok(name)) return;
      observer.disconnect();
      resolve({ start: 0, end: performance.now(), listed });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** armed before a click: resolves with the click's time and the time `name`'s record is shown in full */
export function armClickToContact(name: string, shows: string): void {
  const ok = new Function('name', `return (${shows})(name)`) as (n: string) => boolean;
  (window as BenchWindow).__bench = new Promise((resolve) => {
    let start = -1;
    const check = () => {
      if (start < 0 || !ok(name)) return;
      observer.disconnect();
      resolve({ start, end: performance.now() });
    };
    const observer = new MutationObserver(check);
    document.addEventListener('click', (e) => {
      start = e.timeStamp;
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      queueMicrotask(check);
    }, { capture: true, once: true });
  });
}

/**
 * armed before Enter in the tag box: resolves with the key press, the moment a chip reading `tag`
 * is in the tag list, and the next animation frame after it (the chip painted)
 */
export function armEnterToChip(tag: string): void {
  (window as BenchWindow).__bench = new Promise((resolve) => {
    let start = -1;
    const has = () => [...document.querySelectorAll('[data-testid=tags] .chip')].some((c) => c.textContent?.trim().toLowerCase() === tag);
    const observer = new MutationObserver(() => {
      if (start < 0 || !has()) return;
      observer.disconnect();
      const end = performance.now();
      requestAnimationFrame(() => resolve({ start, end, painted: performance.now() }));
    });
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      start = e.timeStamp;
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }, { capture: true });
  });
}

/** what an armed timer resolved with, as wall-clock milliseconds too */
export async function benchResult(): Promise<{ start: number; end: number; painted?: number; listed?: number; origin: number }> {
  const r = await (window as BenchWindow).__bench!;
  return { ...r, origin: performance.timeOrigin };
}
