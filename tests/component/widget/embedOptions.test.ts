import { afterEach, describe, expect, it } from 'vitest';
import { findScript, readEmbedOptions } from '../../../editor/src/widget/embedOptions';

function tag(attrs: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
  document.body.append(script);
  return script;
}

afterEach(() => document.body.replaceChildren());

describe('the embed tag', () => {
  it('finds the widget script by its data-flow when currentScript is gone (async tags)', () => {
    tag({ src: 'https://cdn.example/other.js', 'data-flow': 'nope' });
    const ours = tag({ src: 'https://chat.example.com/widget.js?v=1', 'data-flow': 'support' });
    expect(findScript(document)).toBe(ours);
  });

  it('reads the options and takes the API base from the script’s own origin', () => {
    const script = tag({
      src: 'https://chat.example.com:8443/widget.js',
      'data-flow': ' support ',
      'data-open': 'true',
      'data-position': 'left',
      'data-title': 'Ask us',
      'data-color': '#0F766E',
      'data-lang': 'pl',
    });
    expect(readEmbedOptions(script, 'https://shop.example/')).toEqual({
      flowId: 'support',
      apiBase: 'https://chat.example.com:8443',
      mode: 'bubble',
      open: true,
      position: 'left',
      title: 'Ask us',
      color: '#0F766E',
      lang: 'pl',
    });
  });

  it('ignores invalid values and resolves a relative src against the page', () => {
    const script = tag({ src: '/widget.js', 'data-flow': 'f', 'data-open': 'no', 'data-position': 'top', 'data-color': 'red;x:y', 'data-mode': 'page' });
    expect(readEmbedOptions(script, 'https://bot.example/chat/f')).toEqual({ flowId: 'f', apiBase: 'https://bot.example', mode: 'page', open: false });
    expect(readEmbedOptions(tag({ src: '/widget.js' }), 'https://bot.example/')).toBeNull();
  });
});
