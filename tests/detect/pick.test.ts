// @vitest-environment happy-dom
// Pick on page: the element pointed at is read as one person with the detector's reading, climbing
// to the largest part of the page that is still one person (a row, a card), never a list of several.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickAt } from '../../lib/detect/pick';
import { parseHtml, repo } from './helpers';

const members = () => parseHtml(readFileSync(join(repo, 'sandbox/partners/heygen/members.html'), 'utf8'));
const URL_ = 'https://app.heygen.com/settings/members';

describe('pickAt', () => {
  it('reads the table row under the pointer as that one person', () => {
    const doc = members();
    const cell = [...doc.querySelectorAll('td')].find((td) => td.textContent === 'Felix Moreau')!;
    const picked = pickAt(cell, URL_);
    expect(picked?.person).toMatchObject({ name: 'Felix Moreau', email: 'felix.moreau@northstar-media.com' });
    expect(picked?.record.tagName).toBe('TR');
  });

  it('reads a card and normalises its phone; finds nobody where nobody is', () => {
    const doc = parseHtml(`<main><h1>Team</h1>
      <div class="card"><h3>Odile Brandt</h3><p>Head of Sales, Kestrel Labs</p><p><a href="mailto:odile@kestrel-labs.com">odile@kestrel-labs.com</a></p><p><a href="tel:+4915112345679">+49 151 1234 5679</a></p></div>
      <div class="card"><h3>Piet Jansen</h3><p><a href="mailto:piet@kestrel-labs.com">piet@kestrel-labs.com</a></p></div>
      <footer><p>Imprint</p></footer></main>`);
    const picked = pickAt(doc.querySelector('.card p')!, 'https://kestrel.example.org/team');
    expect(picked?.person).toMatchObject({ name: 'Odile Brandt', email: 'odile@kestrel-labs.com', phone: '+4915112345679' });
    expect(picked?.record.className).toBe('card');
    expect(pickAt(doc.querySelector('footer p')!, 'https://kestrel.example.org/team')).toBeUndefined();
  });
});
