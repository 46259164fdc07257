import { afterEach, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { chatFlowDocument } from './support/chatFlow';
import { createHarnessOn, type StoreHarness } from './support/harness';
import { AVAILABLE_CONVERSATION_STORE_BACKENDS } from '../../support/conversationStores';

let h: StoreHarness;
afterEach(async () => {
  await h?.dispose();
});

const typed = 'card 4111 1111 1111 1111, mail jan.kowalski@example.pl';

function maskingFlow(on: boolean) {
  const doc = chatFlowDocument();
  return flowDocumentSchema.parse({
    ...doc,
    settings: { ...doc.settings, privacy: { mask: { cardNumbers: on, emails: on, ibans: on, pesel: on, phones: on } } },
  });
}

async function orderAnswer(h: StoreHarness, text: string) {
  const s = await h.service.startConversation('flow-chat', { origin: null });
  await h.service.sendMessage(s.sessionId, s.sessionToken, { optionId: 'order' });
  const reply = await h.service.sendMessage(s.sessionId, s.sessionToken, { text });
  return { s, reply };
}

describe.each(AVAILABLE_CONVERSATION_STORE_BACKENDS)('masking customer messages before storage on $name', (backend) => {
  it('stores and returns the customer message masked when the flow masks', async () => {
    h = await createHarnessOn(backend);
    h.flows.publish(maskingFlow(true));
    const { s, reply } = await orderAnswer(h, typed);
    expect(reply.messages[0]).toMatchObject({ from: 'customer', text: 'card **** **** **** 1111, mail j***@example.pl' });
    const stored = await h.store.listMessages(s.sessionId, 0);
    expect(stored.filter((m) => m.from === 'customer').map((m) => m.text)).not.toContain(typed);
    expect(JSON.stringify(stored.filter((m) => m.from === 'customer'))).not.toContain('4111 1111 1111 1111');
    // The documented trade-off: the flow's variable keeps the raw value, so a later step can use it.
    const record = await h.store.get(s.sessionId);
    expect(record?.session.variables.orderNo).toBe(typed);
  });

  it('stores the message as typed when masking is off', async () => {
    h = await createHarnessOn(backend);
    h.flows.publish(maskingFlow(false));
    const { reply } = await orderAnswer(h, typed);
    expect(reply.messages[0]).toMatchObject({ from: 'customer', text: typed });
  });
});
