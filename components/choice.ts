// A <select> that acts as soon as its value changes (the owner, a follower to add, an opportunity's
// stage) acts once per choice. With the mouse, or the open list, a change is the choice. On a
// closed select the arrow keys (and typing a name) change the value at every step, so the steps
// of a keyboard user are held and the choice is made with Enter or when the focus leaves; Escape
// goes back (no action on arrow keys, as the ARIA practices ask of a select that acts).
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

const STEP = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down))$/;

/** The props of a <select> showing `value` that calls `choose` once per choice made. */
export function useChoice(value: string, choose: (value: string) => void) {
  const [held, setHeld] = useState<string | null>(null);
  const stepping = useRef(false);
  const settle = (chosen: string | null) => {
    setHeld(null);
    if (chosen !== null && chosen !== value) choose(chosen);
  };
  return {
    value: held ?? value,
    onKeyDown: (e: KeyboardEvent<HTMLSelectElement>) => {
      if (e.key === 'Enter' && held !== null) {
        e.preventDefault();
        return settle(held);
      }
      if (e.key === 'Escape' && held !== null) return setHeld(null);
      stepping.current = STEP.test(e.key) || (e.key.length === 1 && e.key !== ' ');
    },
    onKeyUp: () => void (stepping.current = false),
    onChange: (e: ChangeEvent<HTMLSelectElement>) => (stepping.current ? setHeld(e.target.value) : settle(e.target.value)),
    onBlur: () => settle(held),
  };
}
