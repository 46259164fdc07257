import { auth } from './auth';
import { flows } from './flows';
import { samples } from './samples';
import { inbox } from './inbox';
import { versions } from './versions';
import { tests } from './tests';
import { settings } from './settings';
import { team } from './team';
import { privacy } from './privacy';
import { analytics } from './analytics';
import { unrecognized } from './unrecognized';
import { knowledge } from './knowledge';
import { conversationList } from './conversationList';
import { languageModel } from './languageModel';

/** The typed client for the Switchboard API. Tests mock this module. */
export const api = { auth, flows, samples, inbox, versions, tests, settings, team, privacy, analytics, unrecognized, knowledge, conversationList, languageModel };

export { ApiError, NetworkError, isApiError, type ErrorDetail } from './errors';
export { request, type HttpMethod, type RequestOptions, type HttpResponse } from './http';
export { onUnauthorized, getCsrfToken, setCsrfToken } from './session';
export { splitFlowResponse } from './flows';
export type * from './types';
export type * from './inbox';
export type * from './versions';
export type * from './tests';
export type * from './settings';
export type * from './team';
export type * from './privacy';
export type * from './analytics';
export type * from './unrecognized';
export type * from './knowledge';
export { uploadType, KNOWLEDGE_FILE_ACCEPT } from './knowledge';
export type * from './conversationList';
export { conversationListSearch } from './conversationList';
export type * from './languageModel';
export { auditSearch, type AuditFilters } from './privacy';
