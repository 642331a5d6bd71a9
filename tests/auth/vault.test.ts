// The token vault keeps secrets encrypted at rest: what lands in browser.storage.local is
// ciphertext under a non-extractable key, bound to its slot, and unreadable once tampered with.
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVault, memoryKeyStore } from '../../lib/auth';
import { storedText } from './auth-helpers';

const Secret = v.object({ accessToken: v.string(), refreshToken: v.string() });
const secret = { accessToken: 'access-123-very-secret', refreshToken: 'refresh-456-very-secret' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('token vault', () => {
  it('round-trips a secret and stores only ciphertext', async () => {
    const vault = createVault({ keyStore: memoryKeyStore() });
    await vault.write('connection.a', secret);
    expect(await vault.read('connection.a', Secret)).toEqual(secret);
    const stored = await storedText();
    expect(stored).toContain('ghlSidebar.vault.connection.a');
    expect(stored).not.toContain('access-123');
    expect(stored).not.toContain('refresh-456');
  });

  it('creates one non-extractable AES-GCM key and reuses it across vault instances', async () => {
    const keyStore = memoryKeyStore();
    await createVault({ keyStore }).write('s', secret);
    const key = await keyStore.load();
    expect(key?.extractable).toBe(false);
    expect(key?.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
    expect(await createVault({ keyStore }).read('s', Secret)).toEqual(secret);
  });

  it('uses a fresh IV for every write', async () => {
    const vault = createVault({ keyStore: memoryKeyStore() });
    await vault.write('s', secret);
    const first = await storedText();
    await vault.write('s', secret);
    expect(await storedText()).not.toBe(first);
  });

  it('refuses a ciphertext moved to another slot, a tampered one, or one under another key', async () => {
    const keyStore = memoryKeyStore();
    const vault = createVault({ keyStore });
    await vault.write('one', secret);
    const sealed = (await fakeBrowser.storage.local.get('ghlSidebar.vault.one'))['ghlSidebar.vault.one'] as { data: string };
    await fakeBrowser.storage.local.set({ 'ghlSidebar.vault.two': sealed });
    await expect(vault.read('two', Secret)).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect' });
    const flipped = { ...sealed, data: (sealed.data[0] === 'A' ? 'B' : 'A') + sealed.data.slice(1) };
    await fakeBrowser.storage.local.set({ 'ghlSidebar.vault.one': flipped });
    await expect(vault.read('one', Secret)).rejects.toMatchObject({ kind: 'unauthorized' });
    await vault.write('three', secret);
    await expect(createVault({ keyStore: memoryKeyStore() }).read('three', Secret)).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('reads nothing from an empty slot and forgets a removed one', async () => {
    const vault = createVault({ keyStore: memoryKeyStore() });
    expect(await vault.read('none', Secret)).toBeUndefined();
    await vault.write('gone', secret);
    await vault.remove('gone');
    expect(await vault.read('gone', Secret)).toBeUndefined();
    expect(await storedText()).not.toContain('gone');
  });
});
