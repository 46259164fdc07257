import type Database from 'better-sqlite3';
import type { ConversationSearch, ConversationSearchHit } from '../../../../runtime/src/chat/conversationStore';
import { toConversation, type ConversationRow } from '../conversationRows';
import { registerUnicodeLower } from './unicodeLower';

/** `%` and `_` in what the agent typed are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// instr on sb_lower of both sides: every letter folded, as PostgreSQL's ILIKE does (LIKE folds only A–Z).
const MATCH = `instr(sb_lower(m.text), @lowered) > 0 AND m.kind <> 'event'`;

/**
 * Builds and caches one prepared statement per combination of filters. Text matching is a LIKE
 * scan of each candidate conversation's messages through the messages primary key, walked
 * newest conversation first; nothing is added to the write path of a chat turn.
 */
export class ConversationSearcher {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    registerUnicodeLower(db);
  }

  search(query: ConversationSearch): ConversationSearchHit[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit };
    if (query.flowId !== undefined) {
      where.push('c.flow_id = @flowId');
      params.flowId = query.flowId;
    }
    if (query.from !== undefined) {
      where.push('c.created_at >= @from');
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push('c.created_at < @to');
      params.to = query.to;
    }
    if (query.status !== undefined) {
      where.push('c.status = @status');
      params.status = query.status;
    }
    if (query.after !== undefined) {
      where.push('(c.created_at < @afterAt OR (c.created_at = @afterAt AND c.id < @afterId))');
      params.afterAt = query.after.createdAt;
      params.afterId = query.after.id;
    }
    const text = query.text?.trim();
    let excerpt: string;
    if (text) {
      params.lowered = text.toLowerCase();
      where.push(`EXISTS (SELECT 1 FROM messages m WHERE m.session_id = c.id AND ${MATCH})`);
      excerpt = `(SELECT m.text FROM messages m WHERE m.session_id = c.id AND ${MATCH} ORDER BY m.id LIMIT 1)`;
    } else {
      excerpt = `(SELECT m.text FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer' ORDER BY m.id DESC LIMIT 1)`;
    }
    const sql = `SELECT c.*, ${excerpt} AS excerpt FROM conversations c
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`;
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return (stmt.all(params) as (ConversationRow & { excerpt: string | null })[]).map((row) => ({
      record: toConversation(row),
      excerpt: row.excerpt,
    }));
  }
}
