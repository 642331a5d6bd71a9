// "Forget everything": signs every location out and erases tokens, caches, pending writes and
// settings. Asks once more before doing it; the extension then restarts as newly installed.
import { useState } from 'react';
import { i18n } from '#i18n';

export function ForgetEverything({ onForget }: { onForget: () => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby="forget-title">
      <h2 id="forget-title">{i18n.t('forget.title')}</h2>
      <p className="muted">{i18n.t('forget.explain')}</p>
      {asking ? (
        <p role="alert">
          <strong>{i18n.t('forget.warning')}</strong>{' '}
          <button
            className="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onForget().finally(() => setBusy(false));
            }}
          >
            {i18n.t('forget.confirm')}
          </button>{' '}
          <button onClick={() => setAsking(false)}>{i18n.t('common.cancel')}</button>
        </p>
      ) : (
        <button onClick={() => setAsking(true)}>{i18n.t('forget.start')}</button>
      )}
    </section>
  );
}
