import type Database from 'better-sqlite3';
import type { ConversationRecord } from '../../../../runtime/src/chat/conversationStore';

/**
 * Hot conversations, kept as parsed records so a chat turn neither reads nor re-parses its row.
 * Safe because one process owns DATA_DIR (the lock) and writes through this connection only.
 *
 * Every change to a conversations row on this connection drops its entry through a temporary
 * trigger, whatever statement made it, so a method added to the store later cannot leave a stale
 * record behind by forgetting the cache. Writers that know the new record put it back after
 * their transaction commits. Records are shared with callers, who treat them as immutable (the
 * engine and the chat service build new objects for every change).
 */
export class RecordCache {
  private readonly entries = new Map<string, ConversationRecord>();

  constructor(
    db: Database.Database,
    /**
     * One instance aims to hold 15,000 open conversations (README: Capacity), and conversations
     * take turns round-robin, so a capacity below the number in use evicts each record just before
     * its next turn needs it: every turn would read and parse its row (about 17 µs more). A record
     * is well under 1 KB for a typical flow, so this costs tens of megabytes at most.
     */
    private readonly capacity = 25_000,
  ) {
    db.function('sb_conversation_changed', { deterministic: false, varargs: false }, (id: unknown) => {
      this.entries.delete(String(id));
      return null;
    });
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS sb_cache_update AFTER UPDATE ON main.conversations
        BEGIN SELECT sb_conversation_changed(OLD.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS sb_cache_delete AFTER DELETE ON main.conversations
        BEGIN SELECT sb_conversation_changed(OLD.id); END;
    `);
  }

  get(id: string): ConversationRecord | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last, so eviction takes the conversation idle the longest.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(record: ConversationRecord): void {
    this.entries.delete(record.id);
    this.entries.set(record.id, record);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
