// Mutual exclusion for token refreshes. In the browser: the Web Locks API, which spans every
// context of the extension and is released by the browser when the holding context dies (a
// killed service worker never leaves a refresh locked). Where it is missing (Node tests), an
// in-memory lock per session instance, so two instances behave like two separate contexts.

export interface LockRunner {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

interface WebLocks {
  request<T>(name: string, options: { mode: 'exclusive' }, task: () => Promise<T>): Promise<T>;
}

export function webLocks(): LockRunner | undefined {
  const locks = (globalThis as { navigator?: { locks?: WebLocks } }).navigator?.locks;
  if (!locks) return undefined;
  return { run: (name, task) => locks.request(name, { mode: 'exclusive' }, task) };
}

export function memoryLocks(): LockRunner {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(name: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return result;
    },
  };
}
