import { describe, expect, it, vi } from 'vitest';
import { renderInput, renderMessage, safeImageUrl, safeLinkUrl } from '../../../editor/src/widget/render';
import { labelsFor } from '../../../editor/src/widget/render/labels';
import { msg, MENU } from './support/fakes';

const XSS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>'];

describe('renderMessage', () => {
  it.each(XSS)('keeps %s as visible text, never markup', (payload) => {
    for (const from of ['bot', 'agent', 'customer'] as const) {
      const node = renderMessage(document, msg(1, { from, text: payload, agentName: payload }));
      document.body.append(node);
      expect(node.querySelector('img, script, svg')).toBeNull();
      expect(node.textContent).toContain(payload);
      node.remove();
    }
  });

  it('links only http, https, mailto and tel; anything else stays plain text', () => {
    const node = renderMessage(
      document,
      msg(1, {
        kind: 'links',
        links: [
          { label: 'Docs', url: 'https://example.com/docs' },
          { label: 'Mail', url: 'mailto:help@example.com' },
          { label: 'Call', url: 'tel:+48123456789' },
          { label: 'Evil', url: 'javascript:alert(1)' },
          { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
          { label: 'Relative', url: '/admin' },
          { label: 'Spaced', url: ' JaVaScRiPt:alert(1)' },
        ],
      }),
    );
    const anchors = [...node.querySelectorAll('a')];
    expect(anchors.map((a) => a.textContent)).toEqual(['Docs', 'Mail', 'Call']);
    expect(anchors[0]!.getAttribute('rel')).toContain('noopener');
    expect(anchors[0]!.getAttribute('target')).toBe('_blank');
    expect(anchors[1]!.getAttribute('target')).toBeNull();
    expect(node.textContent).toContain('Evil');
    expect(node.textContent).toContain('Relative');
  });

  it('shows images only from http(s), else their alt text', () => {
    const ok = renderMessage(document, msg(1, { kind: 'image', url: 'https://cdn.example/p.png', alt: 'A parcel' }));
    expect(ok.querySelector('img')!.getAttribute('src')).toBe('https://cdn.example/p.png');
    expect(ok.querySelector('img')!.getAttribute('alt')).toBe('A parcel');
    const bad = renderMessage(document, msg(2, { kind: 'image', url: 'javascript:alert(1)', alt: '<b>x</b>' }));
    expect(bad.querySelector('img')).toBeNull();
    expect(bad.textContent).toContain('<b>x</b>');
  });

  it('names the agent and words system events in the chosen language', () => {
    const agent = renderMessage(document, msg(1, { from: 'agent', agentName: 'Anna' }));
    expect(agent.querySelector('.sb-sender')!.textContent).toBe('Anna');
    const joined = renderMessage(document, msg(2, { from: 'system', kind: 'event', text: 'agentJoined', agentName: 'Anna' }), { labels: labelsFor('pl') });
    expect(joined.textContent).toBe('Anna dołącza do rozmowy');
    const bot = renderMessage(document, msg(3), { botName: 'Shop help' });
    expect(bot.querySelector('.sb-sender')!.textContent).toBe('Shop help');
  });
});

describe('safe URLs', () => {
  it('accepts only the allowed schemes', () => {
    expect(safeLinkUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeLinkUrl('vbscript:x')).toBeNull();
    expect(safeLinkUrl(undefined)).toBeNull();
    expect(safeImageUrl('mailto:a@b.c')).toBeNull();
    expect(safeImageUrl('http://a.example/i.png')).toBe('http://a.example/i.png');
  });
});

describe('renderInput', () => {
  it('sends the option id of the clicked choice', () => {
    const send = vi.fn();
    const area = renderInput(document, MENU, { send });
    const buttons = [...area.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Order status', 'Talk to a human']);
    buttons[1]!.click();
    expect(send).toHaveBeenCalledWith({ optionId: 'human' });
    expect(area.querySelector('input')).toBeNull();
  });

  it('adds a text field when a choice also accepts free text', () => {
    const send = vi.fn();
    const area = renderInput(document, { type: 'choice', nodeId: 'menu', options: [{ id: 'a', label: 'A' }], allowText: true }, { send });
    const field = area.querySelector('input')!;
    field.value = '  where is my parcel  ';
    area.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    expect(send).toHaveBeenCalledWith({ text: 'where is my parcel' });
    expect(field.value).toBe('');
  });

  it.each([
    ['email', { type: 'email', inputmode: 'email' }],
    ['phone', { type: 'tel', inputmode: 'tel' }],
    ['number', { type: 'text', inputmode: null }],
    ['date', { type: 'date', inputmode: null }],
    ['text', { type: 'text', inputmode: null }],
  ] as const)('gives a %s question the right field', (inputKind, expected) => {
    const area = renderInput(document, { type: 'text', nodeId: 'q', inputKind, placeholder: 'e.g. 12' }, { send: vi.fn() });
    const field = area.querySelector('input')!;
    expect(field.getAttribute('type')).toBe(expected.type);
    expect(field.getAttribute('inputmode')).toBe(expected.inputmode);
    expect(field.getAttribute('placeholder')).toBe('e.g. 12');
    expect(area.querySelector('form')!.hasAttribute('novalidate')).toBe(true);
  });

  it('gives a number question that refuses negatives a keypad, and a whole-number one no decimal key', () => {
    const field = (input: { allowNegative?: false; allowDecimals?: false }) =>
      renderInput(document, { type: 'text', nodeId: 'q', inputKind: 'number', ...input }, { send: vi.fn() }).querySelector('input')!;
    expect(field({ allowNegative: false }).getAttribute('inputmode')).toBe('decimal');
    expect(field({ allowNegative: false, allowDecimals: false }).getAttribute('inputmode')).toBe('numeric');
    // "12,5" survives in a text field; type=number would empty it in a dot-decimal browser.
    const decimal = field({ allowNegative: false });
    decimal.value = '12,5';
    expect(decimal.value).toBe('12,5');
  });

  it('does not send an empty answer', () => {
    const send = vi.fn();
    const area = renderInput(document, { type: 'text', nodeId: 'q', inputKind: 'text' }, { send });
    area.querySelector('input')!.value = '   ';
    area.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(send).not.toHaveBeenCalled();
  });

  it('offers yes/no buttons in the page language for a yes/no question', () => {
    const send = vi.fn();
    const area = renderInput(document, { type: 'text', nodeId: 'q', inputKind: 'yesNo' }, { send }, { labels: labelsFor('pl') });
    const buttons = [...area.querySelectorAll('.sb-choice')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.textContent)).toEqual(['Tak', 'Nie']);
    buttons[1]!.click();
    expect(send).toHaveBeenCalledWith({ text: 'Nie' });
  });

  it('renders satisfaction stars that send their number', () => {
    const send = vi.fn();
    const area = renderInput(document, { type: 'rating', nodeId: 'csat', scale: 5, allowComment: false }, { send });
    const stars = [...area.querySelectorAll('.sb-star')] as HTMLButtonElement[];
    expect(stars).toHaveLength(5);
    expect(stars[3]!.getAttribute('aria-label')).toBe('4 of 5 stars');
    stars[3]!.click();
    expect(send).toHaveBeenCalledWith({ text: '4' });
  });

  it('renders nothing to answer when nothing is expected', () => {
    expect(renderInput(document, { type: 'none' }, { send: vi.fn() }).childElementCount).toBe(0);
  });
});
