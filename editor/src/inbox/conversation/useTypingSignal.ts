import { useCallback, useEffect, useRef } from 'react';

const IDLE_MS = 3_000;

/**
 * Turns keystrokes into typing on/off signals: one `true` when typing starts, one `false`
 * after a pause or when the message is sent, never a frame per key.
 */
export function useTypingSignal(send: (typing: boolean) => void) {
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (typing.current) {
      typing.current = false;
      sendRef.current(false);
    }
  }, []);

  const keystroke = useCallback(() => {
    if (!typing.current) {
      typing.current = true;
      sendRef.current(true);
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(stop, IDLE_MS);
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { keystroke, stop };
}
