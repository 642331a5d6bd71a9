// Timers that run inside the sidebar page or another extension page (performance.now, a
// MutationObserver, the event's own timestamp), so no DevTools round trip is inside a measured
// time. Each function is sent to the page as source: it may use nothing from this module's scope.

/** whether the sidebar shows `name`'s record in full: name, tags (pinned above the card), opportunities (their list), tasks, notes, appointments */
export function showsContact(name: string): boolean {
  const card = document.querySelector('[data-testid=contact-card]');
  return !!card && card.querySelector('h2')?.textContent === name && !!document.querySelector('[data-testid=tags]') &&
    ['tasks', 'notes', 'appointments'].every((id) => card.querySelector(`[data-testid=${id}]`)) &&
    !!card.querySelector('[data-testid=opportunities] ul');
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
      listed ??= document.querySelector('[data-testid=people-toggle]') ? performance.now() : undefined; // "1 of 6": listed
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

/**
 * Run in an extension page: starts a bulk tag job with the background's message (as the sidebar
 * does) and resolves with the time from the message to the moment the job's record is stored
 * finished (`outbox:bulk:<id>` turns `sent`: every chunk answered; seen through
 * storage.onChanged, so nothing polls the worker while it sends), and the job's state as the
 * outbox then reports it. A job that still has one-by-one writes open is asked for every 5 ms.
 */
export async function timeBulkJob(contactIds: string[], tag: string): Promise<{ ms: number; state: string }> {
  type Runtime = { sendMessage(m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } };
  type Changes = Record<string, { newValue?: { state?: string; fallbackIds?: string[] } }>;
  type Storage = { onChanged: { addListener(l: (c: Changes, area: string) => void): void; removeListener(l: (c: Changes, area: string) => void): void } };
  const { runtime, storage } = (globalThis as unknown as { chrome: { runtime: Runtime; storage: Storage } }).chrome;
  const send = <T>(type: string, data?: unknown) =>
    new Promise<T>((resolve, reject) =>
      runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() }, (r) => {
        const answer = r as { res?: { ok: boolean; value?: T; error?: { message?: string } } } | undefined;
        if (runtime.lastError) reject(new Error(`${type}: ${runtime.lastError.message}`));
        else if (!answer?.res?.ok) reject(new Error(`${type}: ${answer?.res?.error?.message ?? 'no answer from the background'}`));
        else resolve(answer.res.value as T);
      }));
  const finished = new Map<string, { at: number; open: boolean }>();
  let wake = () => {};
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      const job = change.newValue;
      if (!key.startsWith('outbox:bulk:') || !job || job.state === 'running' || finished.has(key)) continue;
      finished.set(key, { at: performance.now(), open: (job.fallbackIds?.length ?? 0) > 0 });
      wake();
    }
  };
  storage.onChanged.addListener(listener);
  try {
    const started = performance.now();
    const { jobId } = await send<{ jobId: string }>('startBulkTags', { contactIds, tags: [tag], op: 'add' });
    const key = `outbox:bulk:${jobId}`;
    while (!finished.has(key)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000);
      });
      if (performance.now() - started > 120_000) throw new Error('the bulk job did not finish in 2 minutes');
    }
    let end = finished.get(key)!;
    const stateOf = async () => (await send<{ jobs: { jobId: string; state: string }[] }>('getOutboxStatus')).jobs.find((j) => j.jobId === jobId)?.state ?? 'gone';
    let state = await stateOf();
    while (end.open && state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      state = await stateOf();
      end = { at: performance.now(), open: true };
    }
    return { ms: end.at - started, state };
  } finally {
    storage.onChanged.removeListener(listener);
  }
}
