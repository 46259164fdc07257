import { useEffect, useState } from 'react';
import { openInboxChannel, type ChannelState, type InboxChannel } from './inboxChannel';

/** One live channel for the page's lifetime, and its connection state for the header. */
export function useInboxChannel(): { channel: InboxChannel | null; state: ChannelState } {
  const [channel, setChannel] = useState<InboxChannel | null>(null);
  const [state, setState] = useState<ChannelState>('connecting');
  useEffect(() => {
    const opened = openInboxChannel();
    const off = opened.onState((s) => setState(s));
    setChannel(opened);
    return () => {
      off();
      opened.close();
    };
  }, []);
  return { channel, state };
}
