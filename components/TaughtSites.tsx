// Options: the sites the user taught from a pick ("Find people like this on this site"), each with
// how many rules it has and how many people they found on the last page of it since the browser
// started; "Forget" drops its rules (its pages use the usual detection from their next load).
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage, type TaughtSite, type UserError } from '@/lib/protocol';
import { ErrorNotice } from './ErrorNotice';

export function TaughtSites() {
  const [sites, setSites] = useState<TaughtSite[]>();
  const [error, setError] = useState<UserError>();
  const [notice, setNotice] = useState('');
  const load = () =>
    sendMessage('getTaughtSites', undefined).then((res) => (res.ok ? setSites(res.value) : setError(res.error)));
  useEffect(() => {
    void sendMessage('getTaughtSites', undefined).then((res) => (res.ok ? setSites(res.value) : setError(res.error)));
  }, []);
  const forget = async (origin: string) => {
    const res = await sendMessage('forgetTaughtSite', origin);
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setNotice(i18n.t('sites.forgotten', [origin]));
    await load();
  };
  return (
    <>
      <h3 id="taught-title">{i18n.t('sites.taught')}</h3>
      <ul className="plain" aria-labelledby="taught-title" data-testid="taught-sites">
        {sites?.map((site) => (
          <li key={site.origin} className="row">
            <bdi>{site.origin}</bdi>
            <span className="muted small">
              {i18n.t('sites.taughtRules', site.rules)} ·{' '}
              {site.found === undefined ? i18n.t('sites.taughtUnused') : i18n.t('sites.taughtFound', site.found)}
            </span>
            <button onClick={() => void forget(site.origin)} aria-label={i18n.t('sites.forgetLabel', [site.origin])}>
              {i18n.t('sites.forget')}
            </button>
          </li>
        ))}
        {sites?.length === 0 ? <li className="muted">{i18n.t('sites.taughtNone')}</li> : null}
      </ul>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
