import { sql, type RawBuilder } from 'kysely';
import type { ConversationSearch, ConversationSearchHit } from '../../../../runtime/src/chat/conversationStore';
import { toConversation, type ConversationRow } from '../conversationRows';
import { likePattern } from '../sqlite/conversationSearch';
import type { PostgresDatabase } from './database';

/**
 * History search, as the SQLite store does it: candidate conversations newest first through
 * conversations_created, each one's messages through the messages primary key; nothing is added
 * to the write path of a chat turn. Ids compare and sort with COLLATE "C" (byte order, as in
 * SQLite), so a page cursor means the same on either back end and under any database locale.
 */
export class PostgresConversationSearcher {
  constructor(private readonly db: PostgresDatabase) {}

  async search(query: ConversationSearch): Promise<ConversationSearchHit[]> {
    const where: RawBuilder<unknown>[] = [];
    if (query.flowId !== undefined) where.push(sql`c.flow_id = ${query.flowId}`);
    if (query.from !== undefined) where.push(sql`c.created_at >= ${query.from}`);
    if (query.to !== undefined) where.push(sql`c.created_at < ${query.to}`);
    if (query.status !== undefined) where.push(sql`c.status = ${query.status}`);
    if (query.after !== undefined) {
      const { createdAt, id } = query.after;
      where.push(sql`(c.created_at < ${createdAt} OR (c.created_at = ${createdAt} AND c.id COLLATE "C" < ${id}))`);
    }
    const text = query.text?.trim();
    let excerpt: RawBuilder<unknown>;
    if (text) {
      const match = sql`m.text ILIKE ${likePattern(text)} ESCAPE '\\' AND m.kind <> 'event'`;
      where.push(sql`EXISTS (SELECT 1 FROM messages m WHERE m.session_id = c.id AND ${match})`);
      excerpt = sql`(SELECT m.text FROM messages m WHERE m.session_id = c.id AND ${match} ORDER BY m.id LIMIT 1)`;
    } else {
      excerpt = sql`(SELECT m.text FROM messages m WHERE m.session_id = c.id AND m.sender = 'customer' ORDER BY m.id DESC LIMIT 1)`;
    }
    const filter = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
    const result = await sql<ConversationRow & { excerpt: string | null }>`SELECT c.*, ${excerpt} AS excerpt FROM conversations c
      ${filter} ORDER BY c.created_at DESC, c.id COLLATE "C" DESC LIMIT ${query.limit}`.execute(this.db);
    return result.rows.map((row) => ({ record: toConversation(row), excerpt: row.excerpt }));
  }
}
