// @vitest-environment happy-dom
// The tag box as the user types in it: the first suggestion is highlighted and Enter takes it; a
// word that names no tag is not created by Enter (the box says how), only by Shift+Enter; a typo
// is offered its tag; a held Backspace never goes on into the chips. And the sidebar's keys: J / K
// move between people only when no field has the focus, Alt+↓ / Alt+↑ anywhere, Alt+R repeats.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TagCombobox } from '@/components/TagCombobox';
import { onSidebarKey } from '@/components/keys';
import { useSidebar } from '@/components/state/sidebar';
import { useContact } from '@/components/state/contact';
import { mountEach } from './mount';


const view = mountEach();

const catalogue = ['vip', 'webinar', 'warm'];

function box(onTag = vi.fn(), onEmptyBackspace = vi.fn(), tags = catalogue) {
  let value = '';
  const draw = () =>
    act(() =>
      view.root.render(
        <TagCombobox
          id="t"
          label="Tag"
          value={value}
          onValue={(v) => {
            value = v;
            draw();
          }}
          catalogue={tags}
          present={[]}
          onTag={onTag}
          onEmptyBackspace={onEmptyBackspace}
        />,
      ),
    );
  draw();
  const input = view.host.querySelector('input')!;
  act(() => input.focus()); // the offers show while the box has the focus
  const type = (text: string) =>
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const key = (k: string, init: KeyboardEventInit = {}) => act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })));
  const highlighted = () => view.host.querySelector('[role=option][aria-selected=true]')?.textContent;
  const hint = () => view.host.querySelector('.hint')?.textContent;
  return { onTag, onEmptyBackspace, type, key, highlighted, hint, input };
}

describe('the tag box', () => {
  it('highlights the first suggestion as you type, and Enter takes it', () => {
    const b = box();
    b.type('webi');
    expect(b.highlighted()).toBe('webinar');
    expect(b.input.getAttribute('aria-activedescendant')).toBe('t-offer-0');
    b.key('Enter');
    expect(b.onTag).toHaveBeenCalledWith('webinar', false);
  });

  it('takes the tag typed in full on Enter, not a longer one used more lately ("hot", not "hot-list")', () => {
    const b = box(vi.fn(), vi.fn(), ['hot-list', 'hotel', 'hot']);
    b.type('hot');
    expect(b.highlighted()).toBe('hot');
    b.key('Enter');
    expect(b.onTag).toHaveBeenCalledWith('hot', false);
  });

  it('closes its offers on Escape (Enter then takes nothing), empties on a second Escape, and reopens as you type', () => {
    const b = box();
    b.type('webi');
    b.key('Escape');
    expect(view.host.querySelector('[role=listbox]')?.hasAttribute('hidden')).toBe(true);
    expect(b.input.value).toBe('webi');
    b.key('Enter');
    expect(b.onTag).not.toHaveBeenCalled();
    b.type('webin');
    expect(b.highlighted()).toBe('webinar');
    b.key('Escape');
    b.key('Escape');
    expect(b.input.value).toBe('');
  });

  it('shows its offers only while it has the focus', () => {
    const b = box();
    b.type('webi');
    expect(b.highlighted()).toBe('webinar');
    act(() => b.input.blur());
    expect(view.host.querySelector('[role=listbox]')?.hasAttribute('hidden')).toBe(true);
  });

  it('does not create a tag on Enter; says that Shift+Enter does, and Shift+Enter does', () => {
    const b = box();
    b.type('q3-promo');
    expect(b.highlighted()).toBeUndefined();
    b.key('Enter');
    expect(b.onTag).not.toHaveBeenCalled();
    expect(b.hint()).toBe('There is no tag “q3-promo” yet. Shift+Enter creates it.');
    // the offers open under the hint, never over it (they are placed where they stand in the page: after the hint)
    expect(view.host.querySelector('.hint')!.compareDocumentPosition(view.host.querySelector('[role=listbox]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    b.key('Enter', { shiftKey: true });
    expect(b.onTag).toHaveBeenCalledWith('q3-promo', true);
  });

  it('says to type a tag name first on Enter in the empty box, and nothing is taken', () => {
    const b = box();
    b.key('Enter');
    expect(b.onTag).not.toHaveBeenCalled();
    expect(b.hint()).toBe('Type a tag name first.');
    b.type('w');
    expect(b.hint() ?? '').toBe('');
  });

  it('offers the tag a typo away, and Enter takes that tag', () => {
    const b = box();
    b.type('webnar');
    expect(b.highlighted()).toBe('Did you mean “webinar”?');
    b.key('Enter');
    expect(b.onTag).toHaveBeenCalledWith('webinar', false);
  });

  it('offers the explicit "Create tag …" row with ↓', () => {
    const b = box();
    b.type('webi');
    b.key('ArrowDown');
    expect(b.highlighted()).toBe('Create tag “webi” (Shift+Enter)');
    b.key('Enter');
    expect(b.onTag).toHaveBeenCalledWith('webi', true);
  });

  it('removes a chip on a fresh Backspace in the empty box, never on a held one', () => {
    const b = box();
    b.key('Backspace', { repeat: true });
    b.key('Backspace', { repeat: true });
    expect(b.onEmptyBackspace).not.toHaveBeenCalled();
    b.key('Backspace');
    expect(b.onEmptyBackspace).toHaveBeenCalledTimes(1);
  });
});

describe('the sidebar’s keys', () => {
  const step = vi.fn(async () => undefined);
  const repeat = vi.fn(async () => undefined);
  beforeEach(() => {
    step.mockClear();
    repeat.mockClear();
    useSidebar.setState({ step });
    useContact.setState({ repeatLastTag: repeat });
  });
  const press = (target: Element, key: string, init: KeyboardEventInit = {}) => {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    Object.defineProperty(e, 'target', { value: target });
    onSidebarKey(e);
    return e;
  };

  it('moves with J / K only when no field has the focus, leaving the focus out of the tag box (J again moves on)', () => {
    const field = document.createElement('input');
    press(field, 'j');
    expect(step).not.toHaveBeenCalled();
    press(document.body, 'j');
    press(document.body, 'k');
    expect(step.mock.calls).toEqual([[1, false], [-1, false]]);
  });

  it('moves with Alt+↓ / Alt+↑ from anywhere, the tag box included', () => {
    const field = document.createElement('input');
    expect(press(field, 'ArrowDown', { altKey: true }).defaultPrevented).toBe(true);
    press(field, 'ArrowUp', { altKey: true });
    press(field, 'ArrowDown'); // without Alt: the box's own suggestions
    expect(step.mock.calls).toEqual([[1, true], [-1, true]]); // the focus in the tag box
  });

  it('repeats the last tag with Alt+R (by the key’s place: Alt+R types “®” on a Mac)', () => {
    press(document.createElement('input'), '®', { altKey: true, code: 'KeyR' });
    expect(repeat).toHaveBeenCalledTimes(1);
  });
});
