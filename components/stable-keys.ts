// Keys for a list's rows that survive an item changing its id: a task or note made here is shown
// under a temporary id until HighLevel answers with its own. A new key would remount the row, and
// the focus on its checkbox or Edit button would fall to the page.
import { useState } from 'react';

interface Row {
  key: string;
  /** what the item looked like (its title, its text) */
  look: string;
}

/** Each item's row: the one it had, else that of an item gone since that looked the same, else a row of its own. */
function rowsOf<T extends { id: string }>(items: T[], look: (item: T) => string, before: Map<string, Row>): Map<string, Row> {
  const present = new Set(items.map((item) => item.id));
  const gone = [...before].filter(([id]) => !present.has(id)).map(([, row]) => row);
  const rows = new Map<string, Row>();
  for (const item of items) {
    const seen = look(item);
    let key = before.get(item.id)?.key;
    if (key === undefined) {
      const at = gone.findIndex((row) => row.look === seen);
      key = at >= 0 ? gone.splice(at, 1)[0]!.key : item.id;
    }
    rows.set(item.id, { key, look: seen });
  }
  return rows;
}

/** Each item's React key, kept across renders (the list the rows were made for is remembered with them). */
export function useStableKeys<T extends { id: string }>(items: T[], look: (item: T) => string): string[] {
  const [last, setLast] = useState(() => ({ items, rows: rowsOf(items, look, new Map()) }));
  let rows = last.rows;
  if (last.items !== items) {
    // a new list: its rows are worked out from the last ones (React renders again at once with them)
    rows = rowsOf(items, look, last.rows);
    setLast({ items, rows });
  }
  return items.map((item) => rows.get(item.id)!.key);
}
