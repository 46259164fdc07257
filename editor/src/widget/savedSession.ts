import { visitorIdIn } from './visitorId';

/** What lets a reload or another page of the site resume the same conversation. */
export interface SavedSession {
  sessionId: string;
  sessionToken: string;
  lastMessageId: number;
  /** Whether the window was open, so navigating keeps it open. */
  open?: boolean;
}

const key = (flowId: string) => `switchboard:chat:${flowId}`;

function isSaved(value: unknown): value is SavedSession {
  const v = value as Partial<SavedSession> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.sessionId === 'string' &&
    typeof v.sessionToken === 'string' &&
    typeof v.lastMessageId === 'number'
  );
}

/**
 * localStorage can be missing, full or forbidden (private modes, sandboxed iframes); the chat
 * then still works, it just does not survive a reload.
 */
export class SessionMemory {
  constructor(
    private readonly storage: Storage | null,
    private readonly flowId: string,
  ) {}

  /** The visitor's anonymous id (visitorId.ts), null when it cannot be kept. */
  visitorId(): string | null {
    return visitorIdIn(this.storage);
  }

  load(): SavedSession | null {
    try {
      const raw = this.storage?.getItem(key(this.flowId));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isSaved(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  save(saved: SavedSession): void {
    try {
      this.storage?.setItem(key(this.flowId), JSON.stringify(saved));
    } catch {
      /* quota or privacy mode: keep going without persistence */
    }
  }

  update(patch: Partial<SavedSession>): void {
    const current = this.load();
    if (current) this.save({ ...current, ...patch });
  }

  clear(): void {
    try {
      this.storage?.removeItem(key(this.flowId));
    } catch {
      /* nothing to do */
    }
  }
}

/** `window.localStorage` throws (not just returns null) when storage is blocked. */
export function browserStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
