// Connect with OAuth 2.0: through the user's own HighLevel marketplace app (client id and secret,
// kept only in the background) or through the user's token broker (no secret in the browser).
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { AppState, OAuthConnectRequest } from '@/lib/protocol';
import { BusyButton } from './BusyButton';

export function OAuthConnect(props: {
  app: AppState;
  busy: boolean;
  onConnect: (input: OAuthConnectRequest) => Promise<boolean>;
}) {
  const [mode, setMode] = useState<'own-app' | 'broker'>('own-app');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const connected = await props.onConnect({
      baseUrl: field('oauthBaseUrl'),
      consentUrl: field('consentUrl'),
      clientId: field('clientId'),
      mode: mode === 'own-app' ? { kind: 'own-app', clientSecret: field('clientSecret') } : { kind: 'broker', brokerUrl: field('brokerUrl') },
    });
    if (connected) formElement.reset();
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="oauth-title">
      <h2 id="oauth-title">{i18n.t('oauth.title')}</h2>
      <p className="muted">
        {i18n.t('oauth.redirect')} <code data-testid="redirect-url">{props.app.oauthRedirectUrl}</code>
      </p>
      <label htmlFor="clientId">{i18n.t('oauth.clientId')}</label>
      <input id="clientId" name="clientId" required autoComplete="off" />
      <fieldset style={{ border: 0, padding: 0, margin: '10px 0 0' }}>
        <legend style={{ fontWeight: 600 }}>{i18n.t('oauth.codeExchange')}</legend>
        <label style={{ display: 'inline', fontWeight: 400 }}>
          <input type="radio" name="mode" style={{ width: 'auto' }} checked={mode === 'own-app'} onChange={() => setMode('own-app')} />{' '}
          {i18n.t('oauth.ownApp')}
        </label>{' '}
        <label style={{ display: 'inline', fontWeight: 400 }}>
          <input type="radio" name="mode" style={{ width: 'auto' }} checked={mode === 'broker'} onChange={() => setMode('broker')} />{' '}
          {i18n.t('oauth.broker')}
        </label>
      </fieldset>
      {mode === 'own-app' ? (
        <>
          <label htmlFor="clientSecret">{i18n.t('oauth.clientSecret')}</label>
          <input id="clientSecret" name="clientSecret" type="password" required autoComplete="off" />
        </>
      ) : (
        <>
          <label htmlFor="brokerUrl">{i18n.t('oauth.brokerUrl')}</label>
          <input id="brokerUrl" name="brokerUrl" type="url" required />
        </>
      )}
      <details>
        <summary>{i18n.t('common.advanced')}</summary>
        <label htmlFor="consentUrl">{i18n.t('oauth.consentPage')}</label>
        <input id="consentUrl" name="consentUrl" type="url" required defaultValue={props.app.settings.oauthConsentUrl} />
        <label htmlFor="oauthBaseUrl">{i18n.t('common.apiBaseUrl')}</label>
        <input id="oauthBaseUrl" name="oauthBaseUrl" type="url" required defaultValue={props.app.settings.apiBaseUrl} />
      </details>
      <p>
        <BusyButton className="primary" type="submit" busy={props.busy}>
          {i18n.t('oauth.signIn')}
        </BusyButton>
      </p>
    </form>
  );
}
