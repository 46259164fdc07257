import { randomUUID } from 'node:crypto';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowStore, FlowVersion, StoredFlow } from '../storage/flowStore';
import { stableJson } from '../storage/lowdb/stableJson';
import { HttpError } from '../http/errors';

const NAME_MAX = 200;
const SAVE_ATTEMPTS = 3;

export interface DraftReset {
  /** The draft after the reset: version N's document under a new revision. */
  draft: StoredFlow;
  /** Where the unpublished edits went, or null when the draft held none. */
  savedCopy: { id: string; name: string } | null;
}

function copyName(name: string, n: number): string {
  const suffix = ` (draft before rollback to v${n})`;
  return `${name.slice(0, NAME_MAX - suffix.length)}${suffix}`;
}

/**
 * After a rollback to version `n` the draft is reset to that version's document, so the next
 * publish cannot quietly ship the edits that were just rolled back. Edits the draft held that
 * were never published are not thrown away: they are kept as a new flow beside this one.
 * `liveBefore` is the version live before the rollback: a draft equal to it holds nothing new.
 */
export async function resetDraftAfterRollback(
  flows: FlowStore,
  id: string,
  source: FlowVersion,
  liveBefore: FlowVersion | null,
  by: string,
): Promise<DraftReset> {
  let savedCopy: DraftReset['savedCopy'] = null;
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const draft = await flows.get(id);
    if (!draft) throw new HttpError(404, 'not_found', 'Flow not found');
    const target: FlowDocument = { ...source.flow, id };
    if (stableJson(draft.flow) === stableJson(target)) return { draft, savedCopy };
    const unpublished = liveBefore === null || stableJson(draft.flow) !== stableJson(liveBefore.flow);
    if (unpublished && savedCopy === null) {
      const copy: FlowDocument = { ...draft.flow, id: randomUUID(), name: copyName(draft.flow.name, source.number) };
      const created = await flows.create(copy, by, draft.tests);
      savedCopy = { id: created.flow.id, name: created.flow.name };
    }
    const saved = await flows.save(target, draft.revision, by);
    if (saved.ok) return { draft: saved.stored, savedCopy };
    // Someone saved in between: look again, so their edits are kept in the copy too.
    if (saved.reason === 'conflict' && savedCopy !== null) {
      await flows.delete(savedCopy.id);
      savedCopy = null;
    }
  }
  throw new HttpError(409, 'conflict', 'The draft kept changing during the rollback; try again');
}
