import { findScript, readEmbedOptions } from './embedOptions';
import { mountWidget } from './mountWidget';

// The entry of widget.js. `currentScript` is only set while this file first runs, so the tag is
// looked up now, and mounting waits for <body> if the tag sits in <head>.
const script = findScript(document);
const embed = script ? readEmbedOptions(script, document.baseURI) : null;
const marker = '__switchboardWidgets';
const mounted = ((window as unknown as Record<string, Set<string>>)[marker] ??= new Set<string>());

if (!embed) {
  console.warn('Switchboard: add data-flow="FLOW_ID" to the widget <script> tag.');
} else if (!mounted.has(embed.flowId)) {
  // A second copy of the tag (tag managers love that) must not add a second launcher.
  mounted.add(embed.flowId);
  const mount = () => void mountWidget(document, embed);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}
