// The quick-tag shortcut: it opens the sidebar in the window the user is in and tells the sidebar
// to focus its tag box.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUICK_TAG_COMMAND, onCommand } from '../../lib/background';
import { quickTagItem } from '../../lib/protocol';

beforeEach(() => fakeBrowser.reset());

describe('the quick-tag shortcut', () => {
  it('opens the side panel of the window and asks the sidebar to focus the tag box', async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
    await onCommand(QUICK_TAG_COMMAND, { windowId: 12 });
    expect(open).toHaveBeenCalledWith({ windowId: 12 });
    expect(await quickTagItem().getValue()).toMatchObject({ at: expect.any(Number) });
  });

  it('opens the Firefox sidebar where there is no side panel', async () => {
    const open = vi.fn(async () => undefined);
    const firefox = fakeBrowser as unknown as { sidebarAction?: unknown; sidePanel?: unknown };
    delete firefox.sidePanel;
    firefox.sidebarAction = { open };
    await onCommand(QUICK_TAG_COMMAND, { windowId: 12 });
    expect(open).toHaveBeenCalledOnce();
    expect(await quickTagItem().getValue()).toMatchObject({ at: expect.any(Number) });
  });

  it('ignores other commands', async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
    await onCommand('something-else', { windowId: 12 });
    expect(open).not.toHaveBeenCalled();
    expect(await quickTagItem().getValue()).toBeNull();
  });
});
