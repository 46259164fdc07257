import { request } from './http';
import type { CannedReply } from './inbox';

/** The organisation's settings (admins only; agents read canned replies through the inbox). */
export interface OrgSettings {
  organizationName: string;
  defaultLocale: string;
  inboxHighlightMinutes: number;
  cannedReplies: CannedReply[];
  /** Conversations idle this many days are deleted; null keeps them. Absent from older servers. */
  retentionDays?: number | null;
}

export const settings = {
  async get(): Promise<OrgSettings> {
    const { data } = await request<OrgSettings>('GET', '/api/settings');
    return { ...data, cannedReplies: data.cannedReplies ?? [] };
  },
  /** Throws `ApiError` 422 with `details` naming the offending fields. */
  async save(next: OrgSettings): Promise<OrgSettings> {
    const { data } = await request<OrgSettings>('PUT', '/api/settings', { body: next });
    return { ...data, cannedReplies: data.cannedReplies ?? [] };
  },
};
