import type { z } from 'zod';
import { parseFlowDocument, type FlowDocument } from '../../../runtime/src/schema';
import { createBlankBody, createFromSampleBody, importBody, saveWrappedBody } from '../contract/flows';
import { badRequest, HttpError } from '../http/errors';
import { parseInput } from '../http/validate';

/** Fields `GET /api/flows/:id` adds to the document; a client may send them back on save. */
export const FLOW_META_FIELDS = [
  'revision',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'publishedVersion',
  'hasUnpublishedChanges',
  'problems',
] as const;


function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a flow document at the API edge; details carry paths like `nodes.3.data.text`. */
export function parseDocument(raw: unknown, prefix = ''): FlowDocument {
  const parsed = parseFlowDocument(raw);
  if (!parsed.ok) {
    throw badRequest(
      'invalid_flow',
      'The flow document is not valid',
      parsed.issues.map((i) => ({ path: [prefix, i.path].filter(Boolean).join('.'), message: i.message })),
    );
  }
  return parsed.flow;
}

export function withoutMeta(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...raw };
  for (const field of FLOW_META_FIELDS) delete copy[field];
  return copy;
}

export type CreateRequest =
  | { kind: 'blank'; body: z.infer<typeof createBlankBody> }
  | { kind: 'sample'; body: z.infer<typeof createFromSampleBody> }
  | { kind: 'import'; raw: unknown; tests: unknown };

/** `POST /api/flows` takes one of three bodies, told apart by their distinguishing key. */
export function parseCreateRequest(body: unknown): CreateRequest {
  if (!isObject(body)) throw badRequest('invalid_request', 'Send a JSON object');
  if ('document' in body) {
    const parsed = parseInput(importBody, body);
    return { kind: 'import', raw: parsed.document, tests: parsed.tests };
  }
  if ('sampleId' in body) return { kind: 'sample', body: parseInput(createFromSampleBody, body) };
  return { kind: 'blank', body: parseInput(createBlankBody, body) };
}

/** `If-Match: 7`, `"7"` or `W/"7"`. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) throw badRequest('invalid_revision', 'If-Match must be the revision number you loaded', [{ path: 'If-Match', message: 'must be a revision number' }]);
  return Number(match[1]);
}

/**
 * `PUT /api/flows/:id` accepts the document itself (as loaded, meta fields included) or
 * `{flow, revision}`. The header wins over a body revision, as in HTTP caches.
 */
export function parseSaveRequest(
  body: unknown,
  ifMatch: string | undefined,
  flowId: string,
): { flow: FlowDocument; revision: number } {
  if (!isObject(body)) throw badRequest('invalid_request', 'Send the flow document as a JSON object');
  const wrapped = 'flow' in body && !('nodes' in body);
  let raw: Record<string, unknown>;
  let bodyRevision: unknown;
  let prefix = '';
  if (wrapped) {
    const parsed = parseInput(saveWrappedBody, body);
    if (!isObject(parsed.flow)) throw badRequest('invalid_flow', 'The flow document is not valid', [{ path: 'flow', message: 'must be an object' }]);
    raw = withoutMeta(parsed.flow);
    bodyRevision = parsed.revision;
    prefix = 'flow';
  } else {
    raw = withoutMeta(body);
    bodyRevision = body.revision;
  }
  const revision = parseIfMatch(ifMatch) ?? (typeof bodyRevision === 'number' && Number.isInteger(bodyRevision) ? bodyRevision : null);
  if (revision === null) {
    throw new HttpError(428, 'revision_required', 'Send the revision you loaded, as If-Match or as "revision" in the body');
  }
  if (raw.id === undefined) raw.id = flowId;
  const flow = parseDocument(raw, prefix);
  if (flow.id !== flowId) {
    throw badRequest('invalid_flow', 'The document id does not match the URL', [
      { path: [prefix, 'id'].filter(Boolean).join('.'), message: `must be ${flowId}` },
    ]);
  }
  return { flow, revision };
}
