import type { FlowVersion, StoredFlow } from '../storage/flowStore';
import { stableJson } from '../storage/lowdb/stableJson';
import type { ActorRef } from './actors';
import { problemsOf } from './problems';

/** The shape of `GET /api/flows/:id`: the document's fields plus the draft's metadata. */
export function presentFlow(stored: StoredFlow, live: FlowVersion | null, updatedBy: ActorRef | null) {
  return {
    ...stored.flow,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    updatedBy,
    publishedVersion: live?.number ?? null,
    hasUnpublishedChanges: live === null || stableJson(live.flow) !== stableJson(stored.flow),
    problems: problemsOf(stored.flow),
  };
}

export function presentVersion(version: FlowVersion, liveNumber: number | null, publishedBy: ActorRef | null) {
  return {
    number: version.number,
    note: version.note,
    publishedAt: version.publishedAt,
    publishedBy,
    live: version.number === liveNumber,
    ...(version.overrideNote !== undefined ? { overrideNote: version.overrideNote } : {}),
  };
}

/** The file name for an export: the flow's name in lower-case ASCII words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'flow';
}
