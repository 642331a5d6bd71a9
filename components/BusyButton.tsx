// A button whose action is under way ("Saving…", "Checking…"): it says so with aria-disabled and
// ignores presses, but is not `disabled`, which would drop the focus to the page; the keyboard user
// stays where they were.
import type { ButtonHTMLAttributes } from 'react';

export function BusyButton({ busy, onClick, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      {...rest}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        // a submit button's click is also how Enter in the form submits it: cancelled, nothing is sent twice
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
