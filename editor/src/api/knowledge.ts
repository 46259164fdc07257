import type { contract, RequestBody, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

export type KnowledgeSource = ResponseBody<typeof contract.knowledge.list, 200>['sources'][number];
export type KnowledgeHit = ResponseBody<typeof contract.knowledge.search, 200>['passages'][number];
export type NewPastedSource = RequestBody<typeof contract.knowledge.create>;
export type KnowledgeSourceChanges = RequestBody<typeof contract.knowledge.update>;

/** The Content-Type an upload is sent with, by the file's extension (browsers often leave `.md` untyped). */
export function uploadType(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'text/markdown';
  if (ext === 'txt' || ext === 'text') return 'text/plain';
  if (ext === 'html' || ext === 'htm') return 'text/html';
  if (ext === 'pdf') return 'application/pdf';
  return 'application/octet-stream';
}

export const KNOWLEDGE_FILE_ACCEPT = '.md,.markdown,.txt,.html,.htm,.pdf';

const sources = '/api/knowledge/sources';
type One = { source: KnowledgeSource };

export const knowledge = {
  async list(): Promise<KnowledgeSource[]> {
    return (await request<{ sources: KnowledgeSource[] }>('GET', sources)).data.sources;
  },
  async create(input: NewPastedSource): Promise<KnowledgeSource> {
    return (await request<One>('POST', sources, { body: input })).data.source;
  },
  /** The file goes as the body, as is; `title` and `url` ride in the query string. */
  async upload(file: File, meta: { title?: string; url?: string }): Promise<KnowledgeSource> {
    const params = new URLSearchParams({ fileName: file.name });
    if (meta.title) params.set('title', meta.title);
    if (meta.url) params.set('url', meta.url);
    return (await request<One>('POST', `${sources}/upload?${params.toString()}`, { file, fileType: uploadType(file.name) })).data.source;
  },
  /** New text for a file source from a new file; title and link stay. */
  async replaceFile(id: string, file: File): Promise<KnowledgeSource> {
    const params = new URLSearchParams({ fileName: file.name });
    return (await request<One>('POST', `${sources}/${encodeURIComponent(id)}/upload?${params.toString()}`, { file, fileType: uploadType(file.name) })).data.source;
  },
  async update(id: string, changes: KnowledgeSourceChanges): Promise<KnowledgeSource> {
    return (await request<One>('PUT', `${sources}/${encodeURIComponent(id)}`, { body: changes })).data.source;
  },
  async remove(id: string): Promise<void> {
    await request('DELETE', `${sources}/${encodeURIComponent(id)}`);
  },
  async search(q: string, flowId: string | null, signal?: AbortSignal): Promise<KnowledgeHit[]> {
    const params = new URLSearchParams({ q, limit: '8' });
    if (flowId) params.set('flowId', flowId);
    return (await request<{ passages: KnowledgeHit[] }>('GET', `/api/knowledge/search?${params.toString()}`, signal ? { signal } : {})).data.passages;
  },
};
