// The search box at the top of the sidebar: any contact of the active location by name, email or
// phone, whatever the page shows (also with nobody detected, on a page the extension may not read,
// with no tab at all). Results show name, email, phone, company and tags; choosing one opens its
// full record below, in the record's place: the results are put away, the focus and the words stay
// in the box, and ↓ there (or a click in it) shows the results again. Focused by the find shortcut
// (the browser's, Alt+Shift+F by default: it works from the page, sidebar closed) or by "/" inside
// the sidebar. The context menu's lookups and its "Add to HighLevel" form arrive here too
// (findAskItem). After a pick, "Find people like this on this site" teaches the site (lib/teach); a
// taught rule that found nobody on the page is said here.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { DetectedPerson } from '@/lib/detect';
import { FIND_COMMAND, findAskItem } from '@/lib/protocol';
import { FIND_MIN, shownResults, useFind } from './state/find';
import { useSidebar } from './state/sidebar';
import { valueOf } from './state/ask';
import { isolate } from './bidi';
import { ErrorNotice } from './ErrorNotice';
import { PersonForm } from './PersonForm';
import { isTextField } from './keys';

/** A find request younger than this, found when the sidebar opens, is still acted on. */
const ASK_FRESH_MS = 5_000;

/** The words typed, as the first guess of a new contact's values. */
function personFromQuery(query: string): DetectedPerson {
  const q = query.trim();
  if (q.includes('@')) return { email: q };
  if (/^\+?[\d\s().-]{6,}$/.test(q)) return { phone: q };
  return { name: q };
}

/** The find shortcut's keys as the browser has them (the user may have changed them). */
function useShortcut() {
  const [keys, setKeys] = useState<string>();
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setKeys(all.find((c) => c.name === FIND_COMMAND)?.shortcut || undefined))
      .catch(() => undefined);
  }, []);
  return keys;
}

/** What the shortcut and the context menu ask: acted on when it changes, or when recent as the sidebar opens. */
function useFindAsks() {
  const received = useFind((s) => s.received);
  useEffect(() => {
    void findAskItem()
      .getValue()
      .then((a) => a && Date.now() - a.at < ASK_FRESH_MS && received(a));
    return findAskItem().watch((a) => a && received(a));
  }, [received]);
}

export function FindContact() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const { query, results, resultsHidden, notice, focusAt, draft, picking, type, showResults, choose, startDraft, pick, cancelPick, teachable, teaching, teachError, teach } =
    useFind();
  const tabId = useSidebar((s) => s.tabId);
  // the site's taught rule read nobody on this page: said, never silent
  const taughtNobody = useSidebar((s) => valueOf(s.page)?.taught === 0);
  const site = useSidebar((s) => valueOf(s.page)?.site ?? s.site?.origin ?? '');
  const found = shownResults({ query, results });
  const listed = resultsHidden ? undefined : found;
  const keys = useShortcut();
  useFindAsks();

  useEffect(() => {
    if (focusAt) input.current?.focus();
  }, [focusAt]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && useFind.getState().picking != null) return void useFind.getState().cancelPick();
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // arrow keys move between the box and the results; Escape there puts the search away (the box
  // emptied and focused, the record back in place)
  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && useFind.getState().picking == null && useFind.getState().query !== '') {
      e.preventDefault();
      e.stopPropagation();
      type('');
      input.current?.focus();
      return;
    }
    // Alt+↑/↓ belong to the people switcher (keys.ts)
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' && resultsHidden && e.target === input.current) {
      e.preventDefault();
      return showResults();
    }
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    e.preventDefault();
    if (next < 0) input.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  const status =
    results.status === 'loading'
      ? i18n.t('find.searching')
      : query.trim().length > 0 && query.trim().length < FIND_MIN
        ? i18n.t('find.tooShort')
        : listed
          ? listed.length
            ? i18n.t('find.found', listed.length)
            : i18n.t('find.none')
          : found?.length
            ? i18n.t('find.foundHidden', found.length)
            : '';
  return (
    <section className="find" aria-label={i18n.t('find.label')} data-testid="find" onKeyDown={onListKey}>
      <label htmlFor={id}>{i18n.t('find.label')}</label>
      <input
        ref={input}
        id={id}
        type="search"
        value={query}
        placeholder={i18n.t('find.placeholder')}
        autoComplete="off"
        aria-describedby={`${id}-status`}
        onChange={(e) => type(e.target.value)}
        onClick={showResults}
      />
      {keys ? <p className="muted small">{i18n.t('find.hint', [keys])}</p> : null}
      {tabId != null ? (
        <p className="row">
          {picking != null ? (
            <button onClick={() => void cancelPick()}>{i18n.t('find.pick.cancel')}</button>
          ) : (
            <button onClick={() => void pick(tabId, site)} data-testid="pick">
              {i18n.t('find.pick.button')}
            </button>
          )}
        </p>
      ) : null}
      {taughtNobody && picking == null ? (
        <p className="muted small" data-testid="taught-nobody">
          {i18n.t('find.teach.nobody')}
        </p>
      ) : null}
      {notice ? (
        <p role="status" data-testid="find-notice">
          {notice}
        </p>
      ) : null}
      <p className="muted" id={`${id}-status`} aria-live="polite">
        {status}
      </p>
      {results.status === 'failed' ? <ErrorNotice error={results.error} /> : null}
      {listed?.length ? (
        <ul className="plain" aria-label={i18n.t('find.results')} ref={list} data-testid="find-results">
          {listed.map((c) => (
            <li key={c.id}>
              <button
                className="link-row"
                onClick={() => {
                  void choose(c.id);
                  input.current?.focus(); // the button pressed is put away with the results
                }}
              >
                <strong>
                  <bdi>{c.name}</bdi>
                </strong>
                <span className="muted small find-line">
                  {[c.email, c.phone, c.companyName]
                    .filter((v): v is string => !!v)
                    .map((v, i) => (
                      <span key={i}>
                        {i ? ' · ' : ''}
                        <bdi>{v}</bdi>
                      </span>
                    ))}
                </span>
                {c.tags.length ? <span className="muted small find-line">{i18n.t('find.tags', [c.tags.map(isolate).join(', ')])}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {listed && !listed.length && !draft ? (
        <button onClick={() => startDraft(personFromQuery(query), '')}>{i18n.t('match.create')}</button>
      ) : null}
      {teachable ? (
        <div className="teach" data-testid="teach">
          <p className="row">
            <button disabled={teaching} onClick={() => void teach()}>
              {i18n.t('find.teach.button')}
            </button>
          </p>
          <p className="muted small">{i18n.t('find.teach.what', [isolate(new URL(teachable.origin).host)])}</p>
        </div>
      ) : null}
      {teachError ? <ErrorNotice error={teachError} /> : null}
      {draft && !draft.correcting ? <PersonForm draft={draft} onClosed={() => input.current?.focus()} /> : null}
    </section>
  );
}
