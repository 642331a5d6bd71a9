// Single flight: callers asking for the same key while a call for it is running share that call's
// promise instead of starting another. Used for identical concurrent GETs (one request to
// HighLevel) and for token refreshes (one refresh however many requests need a token).

export type SingleFlight<T> = (key: string, start: () => Promise<T>) => Promise<T>;

export function singleFlight<T>(): SingleFlight<T> & { readonly size: number } {
  const running = new Map<string, Promise<T>>();
  const run = (key: string, start: () => Promise<T>): Promise<T> => {
    const existing = running.get(key);
    if (existing) return existing;
    const promise = (async () => {
      try {
        return await start();
      } finally {
        running.delete(key);
      }
    })();
    running.set(key, promise);
    return promise;
  };
  return Object.defineProperty(run, 'size', { get: () => running.size }) as SingleFlight<T> & {
    readonly size: number;
  };
}
