import type { Selectable } from 'kysely';
import type { FlowDocument } from '../../../../runtime/src/schema';
import type { FlowTestCase } from '../../../../runtime/src/flowtests/schema';
import { FlowIdTakenError, type FlowStore, type FlowSummary, type FlowVersion, type SaveResult, type StoredFlow } from '../flowStore';
import { stableJson } from '../lowdb/stableJson';
import type { FlowsTable, FlowVersionsTable } from './coreTables';
import type { PostgresDatabase } from './database';
import { isoOf, isUniqueViolation, jsonText } from './values';

function storedOf(row: Selectable<FlowsTable>): StoredFlow {
  return {
    flow: row.document as FlowDocument,
    tests: row.tests as FlowTestCase[],
    revision: row.revision,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    updatedBy: row.updated_by,
  };
}

function versionOf(row: Selectable<FlowVersionsTable>): FlowVersion {
  return {
    flowId: row.flow_id,
    number: row.number,
    flow: row.document as FlowDocument,
    note: row.note,
    publishedAt: isoOf(row.published_at),
    publishedBy: row.published_by,
    ...(row.override_note !== null ? { overrideNote: row.override_note } : {}),
  };
}

/**
 * Flows in PostgreSQL. Several instances share the rows, so every check-and-change is one
 * statement or one transaction: a save is `UPDATE … WHERE revision = expected`, and a publish
 * locks the flow's row before numbering, so two instances publishing at once get consecutive
 * numbers. Every read builds fresh objects, so callers cannot change what is stored.
 */
export class PostgresFlowStore implements FlowStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  async list(): Promise<FlowSummary[]> {
    const rows = await this.db
      .selectFrom('flows')
      .leftJoin('flow_versions', (join) => join.onRef('flow_versions.flow_id', '=', 'flows.id').onRef('flow_versions.number', '=', 'flows.live'))
      .select(['flows.id', 'flows.document', 'flows.revision', 'flows.updated_at', 'flows.updated_by', 'flows.live'])
      .select('flow_versions.document as live_document')
      .execute();
    return rows
      .map((row) => {
        const flow = row.document as FlowDocument;
        const updatedAt = isoOf(row.updated_at);
        return {
          id: flow.id,
          name: flow.name,
          description: flow.description,
          locale: flow.locale,
          revision: row.revision,
          updatedAt,
          updatedBy: row.updated_by,
          publishedVersion: row.live,
          hasUnpublishedChanges: row.live_document === null || stableJson(row.live_document) !== stableJson(flow),
        };
      })
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name)));
  }

  async get(id: string): Promise<StoredFlow | null> {
    const row = await this.db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? storedOf(row) : null;
  }

  async create(flow: FlowDocument, by: string | null, tests: FlowTestCase[] = []): Promise<StoredFlow> {
    const at = this.iso();
    try {
      const row = await this.db
        .insertInto('flows')
        .values({ id: flow.id, document: jsonText(flow), tests: jsonText(tests), revision: 1, created_at: at, updated_at: at, updated_by: by, live: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return storedOf(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new FlowIdTakenError(flow.id);
      throw err;
    }
  }

  async save(flow: FlowDocument, expectedRevision: number, by: string | null): Promise<SaveResult> {
    // The tests column is left alone: the editor's save carries only the document.
    const saved = await this.db
      .updateTable('flows')
      .set((eb) => ({ document: jsonText(flow), revision: eb('revision', '+', 1), updated_at: this.iso(), updated_by: by }))
      .where('id', '=', flow.id)
      .where('revision', '=', expectedRevision)
      .returningAll()
      .executeTakeFirst();
    if (saved) return { ok: true, stored: storedOf(saved) };
    const current = await this.db.selectFrom('flows').selectAll().where('id', '=', flow.id).executeTakeFirst();
    return current ? { ok: false, reason: 'conflict', current: storedOf(current) } : { ok: false, reason: 'notFound' };
  }

  async setTests(id: string, tests: FlowTestCase[]): Promise<FlowTestCase[] | null> {
    const row = await this.db.updateTable('flows').set({ tests: jsonText(tests) }).where('id', '=', id).returning('tests').executeTakeFirst();
    return row ? (row.tests as FlowTestCase[]) : null;
  }

  async delete(id: string): Promise<boolean> {
    // Versions go with it (ON DELETE CASCADE).
    const result = await this.db.deleteFrom('flows').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async publish(
    id: string,
    input: { note: string; by: string | null; flow?: FlowDocument; overrideNote?: string },
  ): Promise<FlowVersion> {
    return this.db.transaction().execute(async (trx) => {
      // The row lock makes a concurrent publish of this flow (from any instance) wait for ours.
      const entry = await trx.selectFrom('flows').select(['document']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!entry) throw new Error(`Flow ${id} not found`);
      const { max } = await trx
        .selectFrom('flow_versions')
        .select((eb) => eb.fn.max('number').as('max'))
        .where('flow_id', '=', id)
        .executeTakeFirstOrThrow();
      const number = (max ?? 0) + 1;
      const row = await trx
        .insertInto('flow_versions')
        .values({
          flow_id: id,
          number,
          document: jsonText(input.flow ?? entry.document),
          note: input.note,
          published_at: this.iso(),
          published_by: input.by,
          override_note: input.overrideNote ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('flows').set({ live: number }).where('id', '=', id).execute();
      return versionOf(row);
    });
  }

  async listVersions(id: string): Promise<FlowVersion[]> {
    const rows = await this.db.selectFrom('flow_versions').selectAll().where('flow_id', '=', id).orderBy('number', 'desc').execute();
    return rows.map(versionOf);
  }

  async getVersion(id: string, n: number): Promise<FlowVersion | null> {
    const row = await this.db.selectFrom('flow_versions').selectAll().where('flow_id', '=', id).where('number', '=', n).executeTakeFirst();
    return row ? versionOf(row) : null;
  }

  async getLive(id: string): Promise<FlowVersion | null> {
    const row = await this.db
      .selectFrom('flows')
      .innerJoin('flow_versions', (join) => join.onRef('flow_versions.flow_id', '=', 'flows.id').onRef('flow_versions.number', '=', 'flows.live'))
      .selectAll('flow_versions')
      .where('flows.id', '=', id)
      .executeTakeFirst();
    return row ? versionOf(row) : null;
  }

  async setLive(id: string, n: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('flows').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!entry) throw new Error(`Flow ${id} not found`);
      if (n !== null) {
        const version = await trx.selectFrom('flow_versions').select('number').where('flow_id', '=', id).where('number', '=', n).executeTakeFirst();
        if (!version) throw new Error(`Flow ${id} has no version ${n}`);
      }
      await trx.updateTable('flows').set({ live: n }).where('id', '=', id).execute();
    });
  }
}
