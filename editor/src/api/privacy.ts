import { request } from './http';
import type { contract, ResponseBody } from '../../../api/src/contract';

export type PrivacyMatch = ResponseBody<typeof contract.privacy.search, 200>['conversations'][number];
export type AuditEntry = ResponseBody<typeof contract.audit.list, 200>['entries'][number];
export type AuditPage = ResponseBody<typeof contract.audit.list, 200>;
export type AuditAction = AuditEntry['action'];

/** Filters of the audit log, as the form holds them (empty = no filter). */
export interface AuditFilters {
  actor: string;
  action: AuditAction | '';
  /** Dates `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

/** The query string for `/api/audit` and its export; `to` is a whole day, so it runs to the next midnight. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) {
    const next = new Date(`${filters.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    if (!Number.isNaN(next.getTime())) params.set('to', next.toISOString().slice(0, 10));
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Customers' data-protection requests and the audit log: admins only. */
export const privacy = {
  /** POST, so the customer's e-mail or phone never appears in a URL or a log line. */
  async search(query: string): Promise<PrivacyMatch[]> {
    return (await request<{ conversations: PrivacyMatch[] }>('POST', '/api/privacy/conversations/search', { body: { query } })).data.conversations;
  },
  /** The export file's contents, to save as JSON. */
  async exportConversations(sessionIds: string[]): Promise<unknown> {
    return (await request<unknown>('POST', '/api/privacy/conversations/export', { body: { sessionIds } })).data;
  },
  async erase(sessionIds: string[]): Promise<number> {
    return (await request<{ erased: number }>('POST', '/api/privacy/conversations/erase', { body: { sessionIds } })).data.erased;
  },
  async auditLog(filters: AuditFilters, before?: number): Promise<AuditPage> {
    const extra: Record<string, string> = { limit: '50' };
    if (before !== undefined) extra.before = String(before);
    return (await request<AuditPage>('GET', `/api/audit${auditSearch(filters, extra)}`)).data;
  },
  /** A same-origin URL the browser downloads (the server sets Content-Disposition). */
  auditExportUrl(filters: AuditFilters, format: 'csv' | 'json'): string {
    return `/api/audit/export${auditSearch(filters, { format })}`;
  },
};
