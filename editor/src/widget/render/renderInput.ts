import type { CustomerReply, WidgetInput } from '../types';
import { el } from './dom';
import { inputHint } from './inputHints';
import { labelsFor, type Labels } from './labels';
import { renderRating } from './renderRating';

export interface InputHandlers {
  send: (reply: CustomerReply) => void;
  /** Called as the customer types, so an agent can see it. */
  typing?: () => void;
}

export interface InputRenderOptions {
  labels?: Labels;
  disabled?: boolean;
}

function textForm(
  doc: Document,
  input: Extract<WidgetInput, { type: 'text' }> | null,
  handlers: InputHandlers,
  labels: Labels,
  disabled: boolean,
): HTMLFormElement {
  const hint = input ? inputHint(input.inputKind, input) : inputHint('text');
  const field = el(doc, 'input', {
    class: 'sb-field',
    name: 'message',
    type: hint.type,
    inputmode: hint.inputmode,
    autocomplete: hint.autocomplete ?? 'off',
    placeholder: input?.placeholder ?? labels.messageInput,
    'aria-label': input?.placeholder || labels.messageInput,
    maxlength: String(input?.maxLength ?? 2000),
    disabled,
  });
  const button = el(doc, 'button', { type: 'submit', class: 'sb-send', 'aria-label': labels.send, disabled }, [
    el(doc, 'span', { 'aria-hidden': 'true' }, ['➤']),
  ]);
  // The flow's own retry texts explain a wrong answer better than the browser's tooltip would.
  const form = el(doc, 'form', { class: 'sb-form', novalidate: true }, [field, button]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) return;
    field.value = '';
    handlers.send({ text });
  });
  if (handlers.typing) field.addEventListener('input', handlers.typing);
  return form;
}

function quickButtons(doc: Document, buttons: { label: string; reply: CustomerReply; id?: string }[], handlers: InputHandlers, disabled: boolean) {
  const list = el(doc, 'div', { class: 'sb-choices', role: 'group' });
  for (const b of buttons) {
    const button = el(doc, 'button', { type: 'button', class: 'sb-choice', 'data-option-id': b.id, disabled }, [b.label]);
    button.addEventListener('click', () => handlers.send(b.reply));
    list.append(button);
  }
  return list;
}

/**
 * The answer area for what the flow expects next: option buttons, a text field with the right
 * keyboard, yes/no buttons, or stars. `none` renders an empty area.
 */
export function renderInput(doc: Document, input: WidgetInput, handlers: InputHandlers, options: InputRenderOptions = {}): HTMLElement {
  const labels = options.labels ?? labelsFor('en');
  const disabled = options.disabled ?? false;
  const area = el(doc, 'div', { class: 'sb-input', 'data-input': input.type === 'text' ? `text-${input.inputKind}` : input.type });
  switch (input.type) {
    case 'choice': {
      const buttons = input.options.map((o) => ({ label: o.label, id: o.id, reply: { optionId: o.id } }));
      area.append(quickButtons(doc, buttons, handlers, disabled));
      if (input.allowText) area.append(textForm(doc, null, handlers, labels, disabled));
      break;
    }
    case 'text':
      if (input.inputKind === 'yesNo') {
        area.append(
          quickButtons(
            doc,
            [
              { label: labels.yes, reply: { text: labels.yes } },
              { label: labels.no, reply: { text: labels.no } },
            ],
            handlers,
            disabled,
          ),
        );
      }
      area.append(textForm(doc, input, handlers, labels, disabled));
      break;
    case 'rating':
      area.append(renderRating(doc, input.scale, labels, (n) => handlers.send({ text: String(n) })));
      break;
    case 'none':
      break;
  }
  return area;
}
