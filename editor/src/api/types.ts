import type { FlowDocument, Problem } from '@switchboard/runtime';
import type { contract, RequestBody, ResponseBody } from '../../../api/src/contract';

// The API's shapes come from its contract (api/src/contract), so client and server cannot drift.

export type AuthSession = ResponseBody<typeof contract.auth.login, 200>;
export type User = AuthSession['user'];
export type Role = User['role'];

/** A row of `GET /api/flows`. */
export type FlowSummary = ResponseBody<typeof contract.flows.list, 200>['flows'][number];
export type UserRef = NonNullable<FlowSummary['updatedBy']>;

/** One finding of the static validator, as the API reports it (same type the editor computes live). */
export type { Problem } from '@switchboard/runtime';

type FlowReply = ResponseBody<typeof contract.flows.get, 200>;

/** `GET /api/flows/:id`, with the document separated from the server's bookkeeping. */
export type FlowDetail = Pick<FlowReply, 'revision' | 'updatedAt' | 'updatedBy' | 'publishedVersion' | 'hasUnpublishedChanges'> & {
  flow: FlowDocument;
  problems: Problem[];
};

/** What a stale save is told: who saved in the meantime (409). */
export type SaveConflict = ResponseBody<typeof contract.flows.save, 409>['current'];

export type SaveFlowResult =
  | { ok: true; revision: number; updatedAt: string; problems: Problem[] }
  | { ok: false; conflict: SaveConflict };

/** An imported file is sent as it was read; the server checks it and points at what is wrong. */
export type CreateFlowInput = Exclude<RequestBody<typeof contract.flows.create>, { document: unknown }> | { document: unknown; tests?: unknown };

export type SampleSummary = ResponseBody<typeof contract.samples.list, 200>['samples'][number];
