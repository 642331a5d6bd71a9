// @vitest-environment happy-dom
// The quick-tag shortcut pressed while the page's people are still looked up: the letters typed
// before the tag box is drawn become its text (never the sidebar's J / K keys), Enter tags nothing,
// and the hold ends once the box is there, on Escape, or when the user goes to another field.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdTypedForTagBox } from '@/components/hold-typed';
import { useContact } from '@/components/state/contact';

const press = (key: string, target: EventTarget = document.body) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e.defaultPrevented;
};
const sidebarKeys = vi.fn();

beforeEach(() => {
  useContact.setState({ draft: '' });
  sidebarKeys.mockReset();
  document.addEventListener('keydown', sidebarKeys);
});
afterEach(() => {
  press('Escape'); // ends a hold a test left
  document.removeEventListener('keydown', sidebarKeys);
  document.body.replaceChildren();
});

describe('keys typed before the tag box is drawn', () => {
  it('become the tag box’s text, never the sidebar’s keys; Enter is left alone', () => {
    holdTypedForTagBox();
    for (const key of ['j', 'o', 'b', 's', 'x']) expect(press(key)).toBe(true);
    press('Backspace');
    expect(useContact.getState().draft).toBe('jobs');
    expect(sidebarKeys).not.toHaveBeenCalled(); // "j" did not move to the next person
    expect(press('Enter')).toBe(false);
    expect(useContact.getState().draft).toBe('jobs');
  });

  it('are no longer held once the tag box is there', () => {
    holdTypedForTagBox();
    press('h');
    const box = Object.assign(document.createElement('input'), { id: 'tag-input' });
    document.body.append(box);
    expect(press('o', box)).toBe(false);
    box.remove();
    expect(press('t')).toBe(false); // the hold ended with the box's arrival
    expect(useContact.getState().draft).toBe('h');
  });

  it('stop being held on Escape, or when the user types in another field', () => {
    holdTypedForTagBox();
    press('Escape');
    expect(press('a')).toBe(false);
    holdTypedForTagBox();
    const search = document.createElement('input');
    document.body.append(search);
    expect(press('d', search)).toBe(false);
    expect(press('x')).toBe(false);
    expect(useContact.getState().draft).toBe('');
  });

  it('is not started when the tag box is already drawn', () => {
    document.body.append(Object.assign(document.createElement('input'), { id: 'tag-input' }));
    holdTypedForTagBox();
    expect(press('q')).toBe(false);
    expect(useContact.getState().draft).toBe('');
  });
});
