// "Forget everything": signs every location out and erases tokens, caches, pending writes and
// settings. Asks once more before doing it; the extension then restarts as newly installed.
import { useState } from 'react';

export function ForgetEverything({ onForget }: { onForget: () => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby="forget-title">
      <h2 id="forget-title">Forget everything</h2>
      <p className="muted">
        Signs out of every location and erases everything this extension stored on this computer: tokens, client
        secrets, cached contacts, changes not yet sent, and settings.
      </p>
      {asking ? (
        <p role="alert">
          <strong>Unsent changes will be lost.</strong>{' '}
          <button
            className="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onForget().finally(() => setBusy(false));
            }}
          >
            Yes, forget everything
          </button>{' '}
          <button onClick={() => setAsking(false)}>Cancel</button>
        </p>
      ) : (
        <button onClick={() => setAsking(true)}>Forget everything…</button>
      )}
    </section>
  );
}
