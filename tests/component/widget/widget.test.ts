import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatApiError } from '../../../editor/src/widget/chatApi';
import type { EmbedOptions } from '../../../editor/src/widget/embedOptions';
import { mountWidget, type MountedWidget } from '../../../editor/src/widget/mountWidget';
import { FakeApi, FakeSocket, FakeSocketImpl, memoryStorage, msg, settle, tick } from './support/fakes';

const EMBED: EmbedOptions = { flowId: 'flow-1', apiBase: 'http://chat.test', mode: 'bubble' };
const KEY = 'switchboard:chat:flow-1';
let mounted: MountedWidget | null = null;

async function mount(api: FakeApi, storage: Storage, embed: Partial<EmbedOptions> = {}) {
  mounted = await mountWidget(document, { ...EMBED, ...embed }, { api, storage, WebSocketImpl: FakeSocketImpl, paced: false });
  await settle(30);
  const shadow = mounted.view.host.shadowRoot!;
  const $ = <T extends Element = HTMLElement>(sel: string) => shadow.querySelector<T>(sel);
  const $$ = (sel: string) => [...shadow.querySelectorAll<HTMLElement>(sel)];
  return { shadow, $, $$, widget: mounted };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => {
  mounted?.destroy();
  mounted = null;
});

describe('the embedded widget', () => {
  it('opens from an accessible launcher, starts the conversation and focuses the answer', async () => {
    const api = new FakeApi();
    const storage = memoryStorage();
    const { shadow, $, $$ } = await mount(api, storage);
    const launcher = $<HTMLButtonElement>('.sb-launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect($('.sb-window')!.hidden).toBe(true);
    expect($('.sb-teaser')!.textContent).toContain('Need a hand?');
    expect(api.calls).toEqual(['config']);

    launcher.click();
    await settle(30);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    const dialog = $('[role="dialog"]')!;
    expect(dialog.hidden).toBe(false);
    expect(shadow.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Shop help');
    const log = $('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect($$('.sb-msg').map((m) => m.querySelector('.sb-text')!.textContent)).toEqual(['Hello!', 'What do you need?']);
    expect(api.calls).toEqual(['config', 'start']);
    expect(JSON.parse(storage.getItem(KEY)!)).toEqual({ sessionId: 's-new', sessionToken: 't-new', lastMessageId: 2, open: true });
    expect(shadow.activeElement).toBe($$('.sb-choice')[0]);
  });

  it('sends the clicked option, shows the reply and switches to the right field', async () => {
    const api = new FakeApi();
    const storage = memoryStorage();
    const { $, $$ } = await mount(api, storage, { open: true });
    $$('.sb-choice')[0]!.click();
    await settle(30);
    expect(api.sent).toEqual([{ optionId: 'order' }]);
    expect($$('.sb-msg').map((m) => m.dataset.from)).toEqual(['bot', 'bot', 'customer', 'bot']);
    expect($$('.sb-pending')).toHaveLength(0);
    expect($('input.sb-field')).not.toBeNull();
    expect(JSON.parse(storage.getItem(KEY)!).lastMessageId).toBe(4);
    // The same messages arriving again over the socket are not shown twice.
    FakeSocket.last.open();
    FakeSocket.last.push({ type: 'message', message: api.transcript[3] });
    await settle(30);
    expect($$('.sb-msg')).toHaveLength(4);
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const { shadow, $ } = await mount(new FakeApi(), memoryStorage(), { open: true });
    const dialog = $('[role="dialog"]')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog.hidden).toBe(true);
    expect(shadow.activeElement).toBe($('.sb-launcher'));
    expect($('.sb-launcher')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('resumes a saved conversation after a reload, reopening the window it left open', async () => {
    const api = new FakeApi();
    api.transcript.push(msg(3, { from: 'customer', text: 'Order status' }), msg(4, { text: 'Your order number?' }));
    api.input = { type: 'text', nodeId: 'ask', inputKind: 'text' };
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ sessionId: 's-old', sessionToken: 't-old', lastMessageId: 4, open: true }));
    const { $, $$ } = await mount(api, storage);
    expect(api.calls).toEqual(['config', 'messages s-old 0']);
    expect($('.sb-window')!.hidden).toBe(false);
    expect($$('.sb-msg')).toHaveLength(4);
    expect($('.sb-teaser')!.hidden).toBe(true);
    // The live channel asks only for what is new.
    FakeSocket.last.open();
    await settle(30);
    expect(api.calls.at(-1)).toBe('messages s-old 4');
    expect(FakeSocket.last.url).toContain('/api/chat/sessions/s-old/ws?token=t-old');
  });

  it('keeps one anonymous visitor id across conversations and sends it when each starts', async () => {
    const api = new FakeApi();
    const storage = memoryStorage();
    await mount(api, storage, { open: true });
    mounted!.destroy();
    // The conversation is forgotten (ended elsewhere, or another flow of the site): a new one starts.
    storage.removeItem(KEY);
    await mount(api, storage, { open: true, flowId: 'flow-2' });
    expect(api.calls.filter((c) => c === 'start')).toHaveLength(2);
    const [first, second] = api.visitorIds;
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second).toBe(first);
    expect(storage.getItem('switchboard:visitor')).toBe(first);
  });

  it('sends no visitor id when storage throws, and still chats', async () => {
    const api = new FakeApi();
    const blocked = memoryStorage();
    blocked.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    blocked.setItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    const { $$ } = await mount(api, blocked, { open: true });
    expect(api.visitorIds).toEqual([null]);
    expect($$('.sb-choice').length).toBeGreaterThan(0);
  });

  it('sends no visitor id when storage cannot keep it (full)', async () => {
    const api = new FakeApi();
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await mount(api, full, { open: true });
    expect(api.visitorIds).toEqual([null]);
  });

  it('starts afresh when the saved conversation no longer exists', async () => {
    const api = new FakeApi();
    api.messagesError = new ChatApiError(404, 'session_not_found', 'gone');
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ sessionId: 's-gone', sessionToken: 't', lastMessageId: 7, open: false }));
    const { $ } = await mount(api, storage);
    $('.sb-launcher')!.click();
    await settle(30);
    expect(api.calls).toEqual(['config', 'messages s-gone 0', 'start']);
    expect(JSON.parse(storage.getItem(KEY)!).sessionId).toBe('s-new');
  });

  it('ends the conversation with a clear message when its flow was deleted, and forgets it', async () => {
    const api = new FakeApi();
    const storage = memoryStorage();
    const { $, $$ } = await mount(api, storage, { open: true });
    expect(storage.getItem(KEY)).not.toBeNull();
    api.sendError = new ChatApiError(410, 'flow_removed', 'This chat has ended: it is no longer offered');
    $$('.sb-choice')[0]!.click();
    await settle(30);
    const banner = $('.sb-banner')!;
    expect(banner.hidden).toBe(false);
    expect(banner.textContent).toBe('This chat has ended: it is no longer offered. Sorry for the interruption.');
    // Nothing left to answer, and the next visit does not resume a conversation that cannot go on.
    expect($$('.sb-choice')).toHaveLength(0);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('shows a refusal on a site the flow does not allow, and never starts a conversation', async () => {
    const api = new FakeApi();
    api.configError = new ChatApiError(403, 'origin_not_allowed', 'no');
    const { $ } = await mount(api, memoryStorage());
    $('.sb-launcher')!.click();
    await settle(30);
    const banner = $('.sb-banner')!;
    expect(banner.hidden).toBe(false);
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toBe('This chat is not available on this website.');
    expect(api.calls).toEqual(['config']);
    expect($('.sb-composer')!.childElementCount).toBe(0);
  });

  it('shows who the customer talks to, the agent typing, and agent text as text', async () => {
    const api = new FakeApi();
    const { $, $$ } = await mount(api, memoryStorage(), { open: true });
    const socket = FakeSocket.last;
    api.status = 'handedOff';
    api.input = { type: 'none' };
    socket.open();
    socket.push({ type: 'status', status: 'handedOff', input: { type: 'none' } });
    await settle(30);
    expect($('.sb-subtitle')!.textContent).toBe('Waiting for an agent…');
    // Handed off: the engine expects nothing, but the customer can write to the agent.
    expect($('input.sb-field')).not.toBeNull();
    socket.push({ type: 'message', message: msg(3, { from: 'system', kind: 'event', text: 'agentJoined', agentName: 'Anna' }) });
    socket.push({ type: 'typing', from: 'agent', typing: true });
    await settle(30);
    expect($('.sb-subtitle')!.textContent).toBe('You are talking to Anna');
    expect($('.sb-typing')!.textContent).toContain('Anna is typing');
    socket.push({ type: 'message', message: msg(4, { from: 'agent', agentName: 'Anna', text: '<img src=x onerror=alert(1)>' }) });
    await settle(30);
    expect($('.sb-typing')).toBeNull();
    const last = $$('.sb-msg').at(-1)!;
    expect(last.querySelector('img')).toBeNull();
    expect(last.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(last.querySelector('.sb-sender')!.textContent).toBe('Anna');
  });

  it('offers a restart once the conversation has ended', async () => {
    const api = new FakeApi();
    const storage = memoryStorage();
    const { $, $$ } = await mount(api, storage, { open: true });
    FakeSocket.last.open();
    FakeSocket.last.push({ type: 'status', status: 'completed', input: { type: 'none' } });
    await settle(30);
    expect(FakeSocket.last.closed).toBe(true);
    const restart = $<HTMLButtonElement>('.sb-restart')!;
    expect(restart.textContent).toBe('Start a new conversation');
    restart.click();
    await settle(30);
    expect(api.calls.filter((c) => c === 'start')).toHaveLength(2);
    expect($$('.sb-msg')).toHaveLength(2);
    expect($$('.sb-choice')).toHaveLength(2);
  });

  it('shows the offline banner while the connection is down', async () => {
    const api = new FakeApi();
    const { $ } = await mount(api, memoryStorage(), { open: true });
    api.messagesError = new ChatApiError(0, 'network', 'down');
    FakeSocket.last.drop();
    await tick();
    await settle(30);
    expect($('.sb-banner')!.hidden).toBe(false);
    expect($('.sb-banner')!.textContent).toBe('Connection lost. Reconnecting…');
    api.messagesError = null;
    window.dispatchEvent(new Event('online'));
    await tick();
    await settle(30);
    expect($('.sb-banner')!.hidden).toBe(true);
  });

  it('fills the page without a launcher in full-page mode', async () => {
    const { $ } = await mount(new FakeApi(), memoryStorage(), { mode: 'page' });
    expect($('.sb-launcher')).toBeNull();
    expect($('.sb-close')).toBeNull();
    expect($('.sb-window')!.hidden).toBe(false);
    expect($('.sb-root')!.classList.contains('sb-page')).toBe(true);
  });
});
