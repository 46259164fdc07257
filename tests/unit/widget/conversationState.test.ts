import { describe, expect, it } from 'vitest';
import { MessageLedger, talkingToAfter } from '../../../editor/src/widget/conversationState';
import type { ChatMessage } from '../../../editor/src/widget/types';

const at = '2026-03-02T09:00:00.000Z';
const msg = (id: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, from: 'bot', kind: 'text', text: `m${id}`, at, ...extra });

describe('MessageLedger', () => {
  it('keeps each message once and in id order, whichever channel brought it', () => {
    const ledger = new MessageLedger();
    expect(ledger.accept([msg(2), msg(1)]).map((m) => m.id)).toEqual([1, 2]);
    expect(ledger.accept([msg(2), msg(3)]).map((m) => m.id)).toEqual([3]);
    expect(ledger.lastId).toBe(3);
    ledger.reset();
    expect(ledger.lastId).toBe(0);
    expect(ledger.accept([msg(1)])).toHaveLength(1);
  });
});

describe('talkingToAfter', () => {
  it('follows the agent from joining, through replies, back to the bot', () => {
    expect(talkingToAfter([msg(1)], null)).toBeNull();
    const joined = msg(2, { from: 'system', kind: 'event', text: 'agentJoined', agentName: 'Anna' });
    expect(talkingToAfter([joined], null)).toBe('Anna');
    expect(talkingToAfter([msg(3, { from: 'agent', agentName: 'Piotr' })], 'Anna')).toBe('Piotr');
    const back = msg(4, { from: 'system', kind: 'event', text: 'returnedToBot', agentName: 'Piotr' });
    expect(talkingToAfter([joined, back], null)).toBeNull();
    expect(talkingToAfter([msg(5, { from: 'system', kind: 'event', text: 'conversationClosed' })], 'Anna')).toBeNull();
  });
});
