import type { FlowSummary, User } from '../../../editor/src/api';

export const admin: User = { id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin', locale: null };
export const agent: User = { id: 'u2', email: 'bob@example.com', name: 'Bob Agent', role: 'agent', locale: null };

export function summary(overrides: Partial<FlowSummary> & { id: string; name: string }): FlowSummary {
  return {
    description: '',
    locale: 'en',
    revision: 1,
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    updatedBy: { id: 'u1', name: 'Ada Lovelace' },
    publishedVersion: null,
    hasUnpublishedChanges: false,
    ...overrides,
  };
}
