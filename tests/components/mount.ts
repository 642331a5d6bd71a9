// A React root for each test of a file, in an element of its own in the test's document: made
// before each test, unmounted and removed after it. `view.host` is the element, `view.root` the root.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function mountEach(): { host: HTMLElement; root: Root } {
  const view = {} as { host: HTMLElement; root: Root };
  beforeEach(() => {
    view.host = document.createElement('div');
    document.body.append(view.host);
    view.root = createRoot(view.host);
  });
  afterEach(() => {
    act(() => view.root.unmount());
    view.host.remove();
  });
  return view;
}
