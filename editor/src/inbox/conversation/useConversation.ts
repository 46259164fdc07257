import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type InboxConversation, type InboxMessage } from '../../api';
import type { InboxChannel } from '../live/inboxChannel';

const TYPING_TIMEOUT_MS = 6_000;

function merge(messages: InboxMessage[], incoming: InboxMessage[]): InboxMessage[] {
  const ids = new Set(messages.map((m) => m.id));
  const fresh = incoming.filter((m) => !ids.has(m.id));
  return fresh.length === 0 ? messages : [...messages, ...fresh].sort((a, b) => a.id - b.id);
}

/** The open conversation, kept live from the socket; `append` adds what an action returned. */
export function useConversation(sessionId: string | null, channel: InboxChannel | null) {
  const [data, setData] = useState<InboxConversation | null>(null);
  const [customerTyping, setCustomerTyping] = useState(false);
  const [missing, setMissing] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    if (!sessionId) return;
    try {
      const next = await api.inbox.get(sessionId);
      setData((current) => (current && current.conversation.sessionId === sessionId ? { ...next, messages: merge(current.messages, next.messages) } : next));
      setMissing(false);
    } catch {
      setMissing(true);
    }
  }, [sessionId]);

  useEffect(() => {
    setData(null);
    setCustomerTyping(false);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!channel || !sessionId) return;
    const offEvents = channel.subscribe((event) => {
      if (!('sessionId' in event) || event.sessionId !== sessionId) return;
      if (event.type === 'message') {
        setData((current) => (current ? { ...current, messages: merge(current.messages, [event.message]) } : current));
        if (event.message.from === 'customer') setCustomerTyping(false);
      } else if (event.type === 'queue') {
        void reload();
      } else if (event.type === 'typing') {
        setCustomerTyping(event.typing);
        if (typingTimer.current) clearTimeout(typingTimer.current);
        // A customer who closes the tab mid-sentence never sends "stopped typing".
        if (event.typing) typingTimer.current = setTimeout(() => setCustomerTyping(false), TYPING_TIMEOUT_MS);
      }
    });
    const offState = channel.onState((state, reconnected) => {
      if (state === 'open' && reconnected) void reload();
    });
    return () => {
      offEvents();
      offState();
      if (typingTimer.current) clearTimeout(typingTimer.current);
    };
  }, [channel, sessionId, reload]);

  const append = useCallback((message: InboxMessage) => {
    setData((current) => (current ? { ...current, messages: merge(current.messages, [message]) } : current));
  }, []);

  return { data, customerTyping, missing, reload, append };
}
