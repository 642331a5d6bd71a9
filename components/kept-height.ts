// The pinned header (top) and the undo bar (bottom) cover the page's edges. Their heights are kept
// on the page as CSS variables, which theme.css makes its scroll padding: a control the keyboard
// reaches is scrolled into view between them, not under them. When the bottom bar comes or grows
// over the focused field (a note just saved with Ctrl+Enter), the field is scrolled up above it.
import { useCallback } from 'react';

/** A ref that keeps `name` on the page at the element's height while it shows, and drops it when it goes. */
export function useKeptHeight(name: '--pinned-height' | '--undo-height', opts: { uncoverFocus?: boolean } = {}) {
  const { uncoverFocus } = opts;
  return useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      const root = document.documentElement;
      const keep = () => {
        const height = el.getBoundingClientRect().height;
        root.style.setProperty(name, `${height}px`);
        const focused = document.activeElement;
        if (uncoverFocus && height && focused instanceof HTMLElement && focused !== document.body && focused.getBoundingClientRect().bottom > window.innerHeight - height) {
          focused.scrollIntoView({ block: 'nearest' });
        }
      };
      keep();
      const observer = new ResizeObserver(keep);
      observer.observe(el);
      return () => {
        observer.disconnect();
        root.style.removeProperty(name);
      };
    },
    [name, uncoverFocus],
  );
}
