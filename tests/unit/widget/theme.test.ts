import { describe, expect, it } from 'vitest';
import { readableOn, resolveTheme, type EmbedOptions } from '../../../editor/src/widget/embedOptions';
import type { WidgetConfig } from '../../../editor/src/widget/types';

const embed: EmbedOptions = { flowId: 'f', apiBase: 'https://chat.example', mode: 'bubble' };
const config: WidgetConfig = {
  flowId: 'f',
  name: 'Orders bot',
  locale: 'pl',
  widget: { title: 'Shop help', primaryColor: '#0f766e', avatarUrl: 'https://cdn.example/a.png', launcherPosition: 'left', greeting: ' Hi! ' },
};

describe('resolveTheme', () => {
  it('takes the flow settings when the tag says nothing', () => {
    expect(resolveTheme(embed, config, 'Chat')).toEqual({
      title: 'Shop help',
      color: '#0f766e',
      onColor: '#ffffff',
      avatarUrl: 'https://cdn.example/a.png',
      position: 'left',
      greeting: 'Hi!',
      notice: null,
      lang: 'pl',
    });
  });

  it('takes the privacy notice, keeping only an http(s) link', () => {
    const withNotice: WidgetConfig = { ...config, privacyNotice: { text: ' We keep chats. ', linkUrl: 'https://shop.example/p', linkLabel: 'Policy' } };
    expect(resolveTheme(embed, withNotice, 'Chat').notice).toEqual({ text: 'We keep chats.', url: 'https://shop.example/p', label: 'Policy' });
    const unsafe: WidgetConfig = { ...config, privacyNotice: { text: 'Data', linkUrl: 'mailto:x@y.z', linkLabel: '' } };
    expect(resolveTheme(embed, unsafe, 'Chat').notice).toEqual({ text: 'Data', url: null, label: '' });
    expect(resolveTheme(embed, { ...config, privacyNotice: { text: '  ', linkUrl: '', linkLabel: '' } }, 'Chat').notice).toBeNull();
  });

  it('lets data attributes override the flow settings', () => {
    const theme = resolveTheme({ ...embed, title: 'Ask us', color: '#fde047', position: 'right', lang: 'en' }, config, 'Chat');
    expect(theme).toMatchObject({ title: 'Ask us', color: '#fde047', position: 'right', lang: 'en', onColor: '#111827' });
  });

  it('falls back to a customer-facing default, never the internal flow name, and drops unsafe avatars and bad colours', () => {
    const bare: WidgetConfig = { ...config, widget: { avatarUrl: 'javascript:alert(1)', primaryColor: 'red;background:url(x)' } };
    expect(resolveTheme(embed, bare, 'Chat with us')).toMatchObject({ title: 'Chat with us', avatarUrl: null, color: '#2563eb', position: 'right', greeting: null });
    expect(resolveTheme(embed, null, 'Chat')).toMatchObject({ title: 'Chat', lang: 'en' });
  });
});

describe('readableOn', () => {
  it('picks white on dark colours and dark text on light ones', () => {
    expect(readableOn('#000000')).toBe('#ffffff');
    expect(readableOn('#2563eb')).toBe('#ffffff');
    expect(readableOn('#ffffff')).toBe('#111827');
    expect(readableOn('#ff0')).toBe('#111827');
  });
});
