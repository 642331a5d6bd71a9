// Moving between the page's people: they are listed as soon as the page reports them (each
// "looking up…" until its match comes); the shown person stays the same person when the page
// reports again with rows added above; the sidebar follows the page when the page focuses
// someone else, but not while the user is typing a tag; next / previous stop at the ends and put
// the focus in the tag box; while the next person is looked up, no key acts on the previous one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome, PersonMatch, TabMatches, TabPeople } from '@/lib/protocol';
import { peopleOf, useSidebar } from '@/components/state/sidebar';
import { useContact } from '@/components/state/contact';
import { valueOf } from '@/components/state/ask';
import type { DetectedPerson } from '@/lib/detect';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const person = (name: string): DetectedPerson => ({ name, email: `${name.toLowerCase()}@example.com` });
const pageOf = (names: string[], focused?: number): TabPeople => ({
  people: names.map(person),
  focused,
  view: 'list',
  site: 'heyreach',
  tabId: 1,
  url: 'https://app.heyreach.io/x',
  reportedAt: Date.now(),
});
const matched = (p: DetectedPerson): PersonMatch => ({ person: p, key: `email:${p.email}`, state: 'matched', contact: { id: `id-${p.name}`, name: p.name! }, reason: 'email', confidence: 0.98 });

let matchAnswer: ((people: DetectedPerson[]) => Promise<Outcome<PersonMatch[]>>) | undefined;
beforeEach(() => {
  send.mockReset();
  matchAnswer = undefined;
  send.mockImplementation(async (type: string) => {
    if (type === 'matchTab') {
      // the background's matches of the tab's current report
      const page = valueOf(useSidebar.getState().page)!;
      const answer = matchAnswer ? await matchAnswer(page.people) : { ok: true as const, value: page.people.map(matched) };
      if (!answer.ok) return answer;
      const found: TabMatches = { tabId: page.tabId, reportedAt: page.reportedAt, connectionId: 'c1', matches: answer.value, pending: 0 };
      return { ok: true, value: found };
    }
    if (type === 'getContactDetails') return { ok: false, error: { kind: 'x', message: 'not looked at here', action: 'none' } };
    if (type === 'getTabSite') return { ok: true, value: { status: 'partner' } };
    return { ok: true, value: true };
  });
  useSidebar.setState({ page: { status: 'idle' }, matches: { status: 'idle' }, selected: undefined, tabId: 1 });
  useContact.setState({ draft: '', contactId: undefined, focusTagsAt: 0 });
});

const shownName = () => {
  const s = useSidebar.getState();
  return s.selected != null ? peopleOf(s)[s.selected]?.person.name : undefined;
};

describe('the page’s people', () => {
  it('are listed before their matches come, each looking up until then', async () => {
    let release!: () => void;
    matchAnswer = (people) => new Promise((resolve) => (release = () => resolve({ ok: true, value: people.map(matched) })));
    const showing = useSidebar.getState().showPage(pageOf(['Ana', 'Ben', 'Cleo'], 1));
    await vi.waitFor(() => expect(peopleOf(useSidebar.getState())).toHaveLength(3));
    expect(peopleOf(useSidebar.getState()).map((e) => e.match)).toEqual([undefined, undefined, undefined]);
    expect(shownName()).toBe('Ben'); // the one the page focuses, at once
    release();
    await showing;
    expect(peopleOf(useSidebar.getState()).every((e) => e.match?.state === 'matched')).toBe(true);
  });

  it('keep the shown person when the page reports again with rows added above', async () => {
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben', 'Cleo'], 0));
    await useSidebar.getState().select(2);
    expect(shownName()).toBe('Cleo');
    await useSidebar.getState().showPage(pageOf(['Zoe', 'Yann', 'Ana', 'Ben', 'Cleo'], 2)); // same focus (Ana)
    expect(shownName()).toBe('Cleo');
  });

  it('follow the page when it focuses someone else, unless a tag is being typed', async () => {
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben', 'Cleo'], 0));
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben', 'Cleo'], 1));
    expect(shownName()).toBe('Ben');
    useContact.getState().setDraft('webi');
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben', 'Cleo'], 2));
    expect(shownName()).toBe('Ben');
    expect(useContact.getState().draft).toBe('webi');
  });

  it('next / previous stop at the ends and put the focus in the tag box', async () => {
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben'], 0));
    const before = useContact.getState().focusTagsAt;
    await useSidebar.getState().step(1);
    expect(shownName()).toBe('Ben');
    await useSidebar.getState().step(1);
    expect(shownName()).toBe('Ben');
    await useSidebar.getState().step(-1);
    await useSidebar.getState().step(-1);
    expect(shownName()).toBe('Ana');
    expect(useContact.getState().focusTagsAt).toBeGreaterThan(before);
  });

  it('while the next person is looked up, Alt+R and Ctrl+Z act on nobody (not on the person shown before)', async () => {
    const pending = (p: DetectedPerson): PersonMatch => ({ person: p, key: `email:${p.email}`, state: 'pending', confidence: 0 });
    matchAnswer = async (people) => ({ ok: true, value: people.map((p) => (p.name === 'Ana' ? matched(p) : pending(p))) });
    await useSidebar.getState().showPage(pageOf(['Ana', 'Ben'], 0));
    expect(useContact.getState().contactId).toBe('id-Ana');
    useContact.setState({ recentTags: ['webinar'], undos: [{ contactId: 'id-Ana', label: 'added', run: () => send('undone') }] });
    // Ben's look-up, asked for when he is opened, has not come back
    matchAnswer = () => new Promise(() => {});
    const stepping = useSidebar.getState().step(1);
    expect(shownName()).toBe('Ben');
    await useContact.getState().repeatLastTag();
    useContact.getState().runUndo();
    expect(send.mock.calls.map((c) => c[0])).not.toContain('addTags');
    expect(send.mock.calls.map((c) => c[0])).not.toContain('undone');
    void stepping;
  });
});
