// Pick on page: injected by the sidebar into the tab the user acted on (activeTab + scripting), only
// when they click "Pick on page"; not part of the content script. While it runs, the element under
// the pointer that would be read as one person (a row, a card, a panel) is outlined; a click reads
// it with the detector's per-record reading (lib/detect/pick.ts) and answers that person to the
// sidebar (the answer of its executeScript call), with the rule that would find people like them on
// this site (lib/detect/teach-rule.ts; kept only if the user asks to teach the site), Esc answers
// nothing. It sends no message, writes nothing and leaves nothing behind. Its texts come from the
// sidebar (the extension's catalogue).
import { pickAt, recordAt } from '@/lib/detect/pick';
import { ruleFor } from '@/lib/detect/teach-rule';
import type { TaughtRule } from '@/lib/detect/taught';
import type { ReportedPerson } from '@/lib/detect';

export interface PickTexts {
  /** the banner: what to do */
  banner: string;
  /** clicked where nobody is */
  nothing: string;
}

/** What a pick answers: the person read, and the rule for people like them (none where nothing repeats). */
export interface PickAnswer {
  person: ReportedPerson;
  rule?: TaughtRule;
}

type Pick = (texts: PickTexts) => Promise<PickAnswer | null>;

export default defineUnlistedScript(() => {
  const scope = globalThis as { ghlSidebarPick?: Pick; ghlSidebarPickStop?: () => void };
  scope.ghlSidebarPick = (texts) =>
    new Promise((resolve) => {
      scope.ghlSidebarPickStop?.(); // one pick at a time: an older one answers nothing
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'closed' });
      const box = document.createElement('div');
      box.style.cssText = 'position:fixed;pointer-events:none;border:2px solid #2f6fed;background:rgba(47,111,237,.12);border-radius:4px;z-index:2147483647;display:none';
      const banner = document.createElement('div');
      banner.setAttribute('role', 'status');
      banner.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);background:#14141f;color:#fff;padding:8px 14px;border-radius:8px;font:14px system-ui,sans-serif;z-index:2147483647;pointer-events:none';
      banner.textContent = texts.banner;
      shadow.append(box, banner);
      document.documentElement.append(host);

      let frame = 0;
      const show = (target: EventTarget | null) => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          const found = target instanceof Element && !host.contains(target) ? recordAt(target, location.href) : undefined;
          if (!found) return void (box.style.display = 'none');
          const r = found.record.getBoundingClientRect();
          Object.assign(box.style, { display: 'block', top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
        });
      };
      const onMove = (e: MouseEvent) => show(e.target);
      const onClick = (e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
        const picked = e.target instanceof Element ? pickAt(e.target, location.href) : undefined;
        if (!picked) return void (banner.textContent = texts.nothing);
        stop({ person: picked.person, rule: ruleFor(picked.record, picked.person) });
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        stop(null);
      };
      const swallow = (e: Event) => (e.preventDefault(), e.stopPropagation());
      function stop(answer: PickAnswer | null) {
        cancelAnimationFrame(frame);
        removeEventListener('mousemove', onMove, true);
        removeEventListener('click', onClick, true);
        removeEventListener('mousedown', swallow, true);
        removeEventListener('keydown', onKey, true);
        host.remove();
        scope.ghlSidebarPickStop = undefined;
        resolve(answer);
      }
      scope.ghlSidebarPickStop = () => stop(null);
      addEventListener('mousemove', onMove, true);
      addEventListener('mousedown', swallow, true);
      addEventListener('click', onClick, true);
      addEventListener('keydown', onKey, true);
    });
});
