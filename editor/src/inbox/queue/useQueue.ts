import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type InboxItem } from '../../api';
import type { InboxChannel } from '../live/inboxChannel';

export interface QueueState {
  waiting: InboxItem[];
  active: InboxItem[];
  loaded: boolean;
  failed: boolean;
  reload(): Promise<void>;
}

/**
 * The live queue: loaded over HTTP, reloaded whenever the socket says a conversation entered,
 * moved or left it, and after a reconnect (events may have been missed). `onNewHandoff` fires
 * once per conversation that newly starts waiting.
 */
export function useQueue(channel: InboxChannel | null, onNewHandoff: (item: InboxItem) => void): QueueState {
  const [waiting, setWaiting] = useState<InboxItem[]>([]);
  const [active, setActive] = useState<InboxItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const known = useRef<Set<string> | null>(null);
  const alert = useRef(onNewHandoff);
  alert.current = onNewHandoff;

  const reload = useCallback(async () => {
    try {
      const [w, a] = await Promise.all([api.inbox.list('waiting'), api.inbox.list('active')]);
      // The first load is the backlog, not news; later arrivals are.
      if (known.current) for (const item of w) if (!known.current.has(item.sessionId)) alert.current(item);
      known.current = new Set(w.map((i) => i.sessionId));
      setWaiting(w);
      setActive(a);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!channel) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Bursts (a claim, its notice, the queue change) come together; one reload covers them.
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reload(), 100);
    };
    const offEvents = channel.subscribe((event) => {
      if (event.type === 'queue') soon();
    });
    const offState = channel.onState((state, reconnected) => {
      if (state === 'open' && reconnected) soon();
    });
    return () => {
      if (timer) clearTimeout(timer);
      offEvents();
      offState();
    };
  }, [channel, reload]);

  return { waiting, active, loaded, failed, reload };
}
