import type { CustomerEvent } from '../../../runtime/src/chat/chatEvents';
import type { TranscriptMessage } from '../../../runtime/src/chat/messages';

/** Sent to customer sockets opened with `?frames=turn`, once per turn instead of one frame per message plus a status frame. */
export interface TurnFrame {
  type: 'turn';
  /** The turn's new messages in order (the customer's own first, then the bot's replies). */
  messages: TranscriptMessage[];
  status: Extract<CustomerEvent, { type: 'status' }>['status'];
  input: Extract<CustomerEvent, { type: 'status' }>['input'];
}

/**
 * Folds a turn's events into one frame: the chat service publishes a turn's messages and then
 * its status in one go, so messages are held until that status and leave with it. Messages with
 * no status behind them (an agent's reply, a system notice) go out on their own as ordinary
 * `message` frames at the end of the current task, and typing flags keep their place in line.
 */
export function turnFrameSender(send: (frame: CustomerEvent | TurnFrame) => void): (event: CustomerEvent) => void {
  let held: TranscriptMessage[] = [];
  let releaseQueued = false;
  const release = () => {
    releaseQueued = false;
    const loose = held;
    held = [];
    for (const message of loose) send({ type: 'message', message });
  };
  return (event) => {
    switch (event.type) {
      case 'message':
        held.push(event.message);
        if (!releaseQueued) {
          releaseQueued = true;
          queueMicrotask(release);
        }
        return;
      case 'status': {
        const messages = held;
        held = [];
        send({ type: 'turn', messages, status: event.status, input: event.input });
        return;
      }
      default:
        release();
        send(event);
    }
  };
}
