import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbedOptions } from '../../../editor/src/widget/embedOptions';
import { mountWidget, type MountedWidget } from '../../../editor/src/widget/mountWidget';
import { FakeApi, FakeSocket, FakeSocketImpl, memoryStorage, settle } from './support/fakes';

const EMBED: EmbedOptions = { flowId: 'flow-1', apiBase: 'http://chat.test', mode: 'bubble', open: true };
let mounted: MountedWidget | null = null;

async function mount(api: FakeApi, embed: Partial<EmbedOptions> = {}) {
  mounted = await mountWidget(document, { ...EMBED, ...embed }, { api, storage: memoryStorage(), WebSocketImpl: FakeSocketImpl, paced: false });
  await settle(30);
  const shadow = mounted.view.host.shadowRoot!;
  return {
    $: <T extends Element = HTMLElement>(sel: string) => shadow.querySelector<T>(sel),
    $$: (sel: string) => [...shadow.querySelectorAll<HTMLElement>(sel)],
  };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => {
  mounted?.destroy();
  mounted = null;
});

describe('the privacy notice in the widget', () => {
  it('shows the text and a safe link until the customer first writes', async () => {
    const api = new FakeApi();
    api.widget = { ...api.widget, privacyNotice: { text: 'We keep chats for 90 days.', linkUrl: 'https://shop.example.com/privacy', linkLabel: '' } };
    const { $, $$ } = await mount(api);
    const notice = $('.sb-notice')!;
    expect(notice.hidden).toBe(false);
    expect(notice.getAttribute('aria-label')).toBe('Privacy notice');
    expect(notice.textContent).toBe('We keep chats for 90 days. Privacy policy');
    const link = notice.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://shop.example.com/privacy');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');

    $$('.sb-choice')[0]!.click();
    await settle(30);
    expect($('.sb-notice')!.hidden).toBe(true);
  });

  it('renders markup as text, drops a non-web link and speaks Polish', async () => {
    const api = new FakeApi();
    api.widget = {
      ...api.widget,
      locale: 'pl',
      privacyNotice: { text: '<img src=x onerror=alert(1)> Dane', linkUrl: 'javascript:alert(1)', linkLabel: 'Zasady' },
    };
    const { $ } = await mount(api, { lang: 'pl' });
    const notice = $('.sb-notice')!;
    expect(notice.getAttribute('aria-label')).toBe('Informacja o prywatności');
    expect(notice.querySelector('img')).toBeNull();
    expect(notice.querySelector('a')).toBeNull();
    expect(notice.textContent).toBe('<img src=x onerror=alert(1)> Dane');
  });

  it('shows nothing when the flow has no notice', async () => {
    const api = new FakeApi();
    api.widget = { ...api.widget, privacyNotice: null };
    const { $ } = await mount(api);
    expect($('.sb-notice')!.hidden).toBe(true);
  });
});
