// A selection or a link the user right-clicked, read with detection's value readers after the
// page-value cleaning: emails, phones, LinkedIn profiles and names recognised; a 5 MB selection
// refused unread with a clear message; a long one cut to what HighLevel takes; hostile text made
// inert (no controls, bidi overrides or invisible characters; markup never becomes a name). The
// menu click opens the sidebar first (inside the click's gesture), then tells it what to do; it
// sends nothing to HighLevel.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SELECTION_MAX, readSelection } from '../../lib/find';
import { askFor, onMenuClick, onCommand } from '../../lib/background';
import { FIND_COMMAND, findAskItem } from '../../lib/protocol';

beforeEach(() => fakeBrowser.reset());

const read = (text: unknown, from: 'selection' | 'link' = 'selection') => {
  const res = readSelection(text, from);
  if (!res.ok) throw new Error(`refused: ${res.notice}`);
  return res.read;
};

describe('reading a selection', () => {
  it('recognises an email, a phone, a LinkedIn profile and a name as detection does', () => {
    expect(read('  Diego@LumaCraft.io ')).toEqual({ query: 'diego@lumacraft.io', person: { email: 'diego@lumacraft.io' } });
    expect(read('+1 (415) 555-0134')).toEqual({ query: '+14155550134', person: { phone: '+14155550134' } });
    expect(read('Diego Santos')).toEqual({ query: 'Diego Santos', person: { name: 'Diego Santos' } });
    expect(read('mailto:diego@lumacraft.io?subject=Hi', 'link').person).toEqual({ email: 'diego@lumacraft.io' });
    expect(read('tel:+14155550134', 'link').person).toEqual({ phone: '+14155550134' });
    expect(read('https://www.linkedin.com/in/diego-santos/', 'link')).toEqual({
      query: 'diego-santos',
      person: { linkedin: 'https://www.linkedin.com/in/diego-santos' },
    });
    // text that is none of these is looked up as typed, and pre-fills nothing
    expect(read('the lumacraft deal')).toEqual({ query: 'the lumacraft deal', person: {} });
  });

  it('refuses a 5 MB selection unread, with what to do', () => {
    const huge = 'a'.repeat(5 * 1024 * 1024);
    const res = readSelection(huge, 'selection');
    expect(res).toEqual({
      ok: false,
      notice: 'The selection is too long to look up (5,242,880 characters). Select only the name, email or phone number.',
    });
    expect(readSelection('b'.repeat(SELECTION_MAX), 'selection').ok).toBe(true);
  });

  it('cuts a long selection to HighLevel’s 75 characters and says so', () => {
    const res = read('word '.repeat(100));
    expect(res.query.length).toBeLessThanOrEqual(75);
    expect(res.notice).toBe('Only the first 75 characters of the selection were used.');
  });

  it('makes hostile text inert: no controls, bidi overrides or invisible characters, no markup as a name', () => {
    expect(read('Die\u200bgo\u202e San\u0000tos')).toEqual({ query: 'Diego San tos', person: {} });
    expect(read('\u202eDiego Santos\u202c')).toEqual({ query: 'Diego Santos', person: { name: 'Diego Santos' } });
    const markup = read('<img src=x onerror=alert(1)>');
    expect(markup.person).toEqual({});
    expect(readSelection('\u200b\u200b \u0007', 'selection')).toEqual({ ok: false, notice: expect.stringContaining('Nothing readable was selected') });
    expect(readSelection({ toString: () => 'x' }, 'selection').ok).toBe(false);
  });

  it('refuses a link that is not an email, a phone or a LinkedIn profile', () => {
    expect(readSelection('https://evil.example/?q=<script>', 'link')).toEqual({
      ok: false,
      notice: 'This link is not an email address, a phone number or a LinkedIn profile.',
    });
  });
});

describe('the context menu', () => {
  it('asks the sidebar to look up a selection, or to open the create form pre-filled', () => {
    expect(askFor({ menuItemId: 'find-selection', selectionText: 'diego@lumacraft.io', pageUrl: 'https://mail.example.org/inbox' }, 5)).toEqual({
      at: 5, kind: 'find', query: 'diego@lumacraft.io', person: { email: 'diego@lumacraft.io' }, site: 'mail.example.org',
    });
    expect(askFor({ menuItemId: 'add-link', linkUrl: 'tel:+14155550134', pageUrl: 'https://crm.example.org/' }, 5)).toMatchObject({
      kind: 'add', person: { phone: '+14155550134' },
    });
    // a refused selection opens the sidebar's search box with why
    expect(askFor({ menuItemId: 'add-selection', selectionText: 'x'.repeat(5 * 1024 * 1024) }, 5)).toEqual({
      at: 5, kind: 'focus', notice: expect.stringContaining('too long to look up'),
    });
  });

  it('opens the side panel first, then tells the sidebar; other menu items are ignored', async () => {
    const calls: string[] = [];
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open: vi.fn(async () => void calls.push('open')) };
    const unwatch = findAskItem().watch(() => calls.push('ask'));
    await onMenuClick({ menuItemId: 'find-selection', selectionText: 'Diego Santos' }, { windowId: 3 });
    expect(calls).toEqual(['open', 'ask']);
    expect(await findAskItem().getValue()).toMatchObject({ kind: 'find', query: 'Diego Santos' });
    await onMenuClick({ menuItemId: 'someone-else', selectionText: 'x' }, { windowId: 3 });
    expect(calls).toEqual(['open', 'ask']);
    unwatch();
  });

  it('the find shortcut opens the sidebar with its search box focused', async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
    await onCommand(FIND_COMMAND, { windowId: 4 });
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    expect(await findAskItem().getValue()).toMatchObject({ kind: 'focus' });
  });
});
