import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';
import type { CannedReply } from './inbox';

/**
 * The organisation's settings (admins only; agents read canned replies through the inbox), with
 * `cannedReplies` always a list: servers that predate them leave it out.
 */
export type OrgSettings = Omit<ResponseBody<typeof contract.settings.get, 200>, 'cannedReplies'> & { cannedReplies: CannedReply[] };

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
