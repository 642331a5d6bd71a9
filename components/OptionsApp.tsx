// Options: connect HighLevel locations (private-integration token or OAuth), choose the active one,
// sign out (asking first when changes of that location are not sent yet), the API base URL
// (advanced), the sites to look at, and what new contacts get.
// The token goes to the background once and never comes back.
import { useEffect, useRef, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useOptions } from './state/options';
import { OAuthConnect } from './OAuthConnect';
import { ForgetEverything } from './ForgetEverything';
import { ErrorNotice } from './ErrorNotice';
import { NewContactSettings } from './NewContactSettings';
import { SitesSettings } from './SitesSettings';
import { isolate } from './bidi';
import type { UnsentQuestion } from './state/options';
import { BusyButton } from './BusyButton';

/** The notices' actions on this page: reconnecting is pasting a token here, switching is choosing here. */
const reconnectHere = () => {
  const field = document.getElementById('token');
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
};
const switchHere = () => document.querySelector<HTMLInputElement>('[data-testid=connections] input[type=radio]')?.focus();

/** "2 changes of this location are not sent yet" — send first / discard and sign out / cancel. */
function UnsentChanges({ question }: { question: UnsentQuestion }) {
  const { sendThenSignOut, discardThenSignOut } = useOptions();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [question.connectionId]);
  return (
    <div role="group" aria-label={question.message} className="notice tone-waiting card" data-testid="unsent-question">
      <p>{question.message}</p>
      {question.sending !== undefined ? <p className="muted small" role="status">{i18n.t('options.sendingLeft', question.sending, [question.sending])}</p> : null}
      <p className="row">
        <button ref={first} className="primary" onClick={() => void sendThenSignOut(question.connectionId)}>
          {i18n.t('options.sendFirst')}
        </button>
        <button className="danger" onClick={() => void discardThenSignOut(question.connectionId)}>
          {i18n.t('options.discardAndSignOut')}
        </button>
        <button onClick={() => useOptions.setState({ unsent: undefined })}>{i18n.t('common.cancel')}</button>
      </p>
    </div>
  );
}

export function OptionsApp() {
  const { app: state, error, notice, busy, unsent, load, loadLists, connectWithToken, connectWithOAuth, setActive, signOut, forgetEverything } =
    useOptions();
  useEffect(() => {
    void load().then(loadLists);
  }, [load, loadLists]);

  const connect = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const connected = await connectWithToken({
      baseUrl: field('baseUrl'),
      locationId: field('locationId'),
      token: field('token'),
    });
    if (connected) {
      formElement.reset();
      void loadLists();
    }
  };

  if (!state) {
    return (
      <main style={{ padding: 16 }} role="status">
        {error ? <ErrorNotice error={error} /> : notice || i18n.t('common.loading')}
      </main>
    );
  }
  return (
    <main style={{ padding: 16, maxWidth: 640 }}>
      <h1>{i18n.t('options.title')}</h1>
      <div aria-live="polite">
        {notice ? (
          <p className="ok" role="status">
            {notice}
          </p>
        ) : null}
        {error ? <ErrorNotice error={error} onReconnect={reconnectHere} onSwitchLocation={switchHere} /> : null}
      </div>
      <section className="card" aria-labelledby="connections-title">
        <h2 id="connections-title">{i18n.t('options.connections')}</h2>
        {state.connections.length === 0 ? <p className="muted">{i18n.t('options.noConnections')}</p> : null}
        <ul className="plain" data-testid="connections">
          {state.connections.map((c) => (
            <li key={c.id}>
              <label style={{ display: 'inline', fontWeight: 400 }}>
                <input
                  type="radio"
                  name="active"
                  checked={c.active}
                  style={{ width: 'auto' }}
                  onChange={() => void setActive(c.id)}
                />{' '}
                <bdi>{c.locationName}</bdi> <span className="muted">({c.kind === 'token' ? i18n.t('options.kindToken') : i18n.t('options.kindOAuth')})</span>
              </label>{' '}
              <button onClick={() => void signOut(c.id)} aria-label={i18n.t('options.signOutOf', [isolate(c.locationName)])}>
                {i18n.t('options.signOut')}
              </button>
              {unsent?.connectionId === c.id ? <UnsentChanges question={unsent} /> : null}
              {c.needsReconnect ? (
                <p className="error small" data-testid="needs-reconnect">
                  {i18n.t('options.needsReconnect', [c.reconnectReason ?? i18n.t('errors.unauthorized')])}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <form className="card" onSubmit={(e) => void connect(e)} aria-labelledby="connect-title">
        <h2 id="connect-title">{i18n.t('options.tokenTitle')}</h2>
        <p className="muted">{i18n.t('options.tokenHelp')}</p>
        <label htmlFor="locationId">{i18n.t('options.locationId')}</label>
        <input id="locationId" name="locationId" required autoComplete="off" />
        <label htmlFor="token">{i18n.t('options.token')}</label>
        <input id="token" name="token" type="password" required autoComplete="off" />
        <details>
          <summary>{i18n.t('common.advanced')}</summary>
          <label htmlFor="baseUrl">{i18n.t('common.apiBaseUrl')}</label>
          <input id="baseUrl" name="baseUrl" type="url" defaultValue={state.settings.apiBaseUrl} required />
        </details>
        <p>
          <BusyButton className="primary" type="submit" busy={busy}>
            {busy ? i18n.t('options.checking') : i18n.t('options.connect')}
          </BusyButton>
        </p>
      </form>
      <OAuthConnect app={state} busy={busy} onConnect={connectWithOAuth} />
      <SitesSettings settings={state.settings} />
      <NewContactSettings key={JSON.stringify(state.settings.createMapping)} settings={state.settings} />
      <ForgetEverything onForget={forgetEverything} />
    </main>
  );
}
