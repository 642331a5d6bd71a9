// A person shown by an avatar and a name: a conversation list's entries, a members list, "people
// also viewed". The avatar is initials matching the name ("MO" beside "Maya Okafor") or a picture
// whose alt text is the name shown beside it; either says the name is a person's, even with no
// email or link. The name is the text that follows the avatar (in its next siblings, or its
// parents' next siblings, two levels up at most).
import { nameText } from './names';
import { clean, looksLikeFullName } from './text';

/** whether initials are those of the name ("MO": Maya Okafor; "M": Maya) */
export function initialsOf(name: string, initials: string): boolean {
  const words = name.split(' ').map((w) => w[0]!.toUpperCase());
  const first = words[0]!;
  return initials === first || initials === first + words[words.length - 1] || initials === words.join('');
}

/** the element holding the name shown right after the avatar, and the name */
function nameAfter(avatar: Element): { name: string; el: Element } | undefined {
  let from: Element | null = avatar;
  for (let level = 0; from && level < 3; level++, from = from.parentElement) {
    for (let s = from.nextElementSibling, n = 0; s && n < 3; s = s.nextElementSibling, n++) {
      const name = nameText(s, true);
      if (name) return { name, el: s };
      if (s.textContent!.trim()) return undefined; // another text comes first: not this avatar's name
    }
  }
  return undefined;
}

/** the person an initials avatar names, if the name after it matches */
export function nameBesideInitials(avatar: Element, initials: string): { name: string; el: Element } | undefined {
  const found = nameAfter(avatar);
  return found && initialsOf(found.name, initials) ? found : undefined;
}

/** the person a picture names: its alt text, when it is a full name and the name shown beside it */
export function nameBesidePicture(img: Element): { name: string; el: Element } | undefined {
  const alt = clean(img.getAttribute('alt') ?? '', 80);
  if (!looksLikeFullName(alt)) return undefined;
  const found = nameAfter(img);
  return found && found.name.toLowerCase() === alt.toLowerCase() ? found : undefined;
}
