// Who may send what: the background trusts the browser-stamped sender, never the message body.
import { describe, expect, it } from 'vitest';
import { allowedSenders, classifySender } from '@/lib/protocol';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it('knows the extension’s own pages by their URL', () => {
    expect(classifySender({ id: ID, url: `${BASE}sidepanel.html?tab=3` }, ID, BASE)).toBe('extension-page');
    // an extension page opened in a tab is still an extension page
    expect(classifySender({ id: ID, url: `${BASE}options.html`, tab: { id: 9 } }, ID, BASE)).toBe('extension-page');
  });

  it('knows a content script by its tab and web URL', () => {
    expect(classifySender({ id: ID, url: 'https://app.heyreach.io/app/inbox', tab: { id: 4 }, frameId: 0 }, ID, BASE)).toBe(
      'content-script',
    );
  });

  it('refuses other extensions and senders without a tab or URL', () => {
    expect(classifySender({ id: 'other', url: `chrome-extension://other/x.html` }, ID, BASE)).toBeUndefined();
    expect(classifySender({ id: ID, url: 'https://evil.example/' }, ID, BASE)).toBeUndefined();
    expect(classifySender({ id: ID }, ID, BASE)).toBeUndefined();
  });

  it('lets content scripts send nothing but their own page’s people', () => {
    const fromContent = Object.entries(allowedSenders).filter(([, who]) => who === 'content-script').map(([t]) => t);
    expect(fromContent).toEqual(['reportPeople']);
  });
});
