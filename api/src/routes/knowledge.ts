import type { Request } from 'express';
import type { AppDeps } from '../deps';
import { recordAudit } from '../audit/recordAudit';
import { requireRole } from '../auth/requireRole';
import { knowledgeRoutes } from '../contract/knowledge';
import { actorResolver } from '../flows/actors';
import { ContractRouter } from '../http/contractRouter';
import { HttpError, notFound } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { ExtractionError, extractText, tidy } from '../knowledge/extract/extractText';
import type { FileKind } from '../knowledge/kinds';
import { knowledgeOf } from '../knowledge/knowledgeOf';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits';
import { fileBody, uploadedBytes, uploadKind } from '../knowledge/uploadBody';
import type { KnowledgeSource } from '../storage/knowledgeStore';

const round = (score: number) => Math.round(score * 1000) / 1000;

/** A file's text, or the 4xx that says why there is none. */
async function readUpload(req: Request, fileName: string): Promise<{ kind: FileKind; text: string }> {
  const kind = uploadKind(req, fileName);
  const bytes = uploadedBytes(req);
  let text: string;
  try {
    text = await extractText(kind, bytes);
  } catch (err) {
    if (err instanceof ExtractionError) throw new HttpError(400, 'unreadable_file', err.message, [{ path: 'body', message: err.message }]);
    throw err;
  }
  if (text.length === 0) {
    const message = kind === 'pdf' ? 'The PDF has no text to read (a scanned document needs text recognition first)' : 'The file has no text';
    throw new HttpError(400, 'no_text', message, [{ path: 'body', message }]);
  }
  if (text.length > KNOWLEDGE_LIMITS.extractedChars) {
    const message = `The file holds ${text.length.toLocaleString('en')} characters of text; at most ${KNOWLEDGE_LIMITS.extractedChars.toLocaleString('en')} are kept. Split it into several files.`;
    throw new HttpError(413, 'too_much_text', message, [{ path: 'body', message }]);
  }
  return { kind, text };
}

const withoutExtension = (fileName: string) => fileName.replace(/\.[A-Za-z0-9]{1,9}$/, '') || fileName;

/**
 * Knowledge sources (pasted text and uploaded documents) and the search box that shows what a
 * question retrieves. Admins and editors manage them; saving answers at once and indexing
 * follows in the background (api/src/knowledge/knowledgeIndex.ts).
 */
export function createKnowledgeRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/knowledge');
  const store = deps.stores.knowledge;
  const knowledge = knowledgeOf(deps);
  const json = jsonBody(`${Math.ceil((KNOWLEDGE_LIMITS.pastedChars * 4) / 1_000_000) + 1}mb`);
  router.use(requireRole('editor'));

  const present = async (source: KnowledgeSource) => {
    const actors = actorResolver(deps.stores);
    const { textRevision: _revision, ...rest } = source;
    return { ...rest, updatedBy: await actors(source.updatedBy) };
  };
  const reindex = (id: string) => void knowledge.index.sourceChanged(id);

  router.on(knowledgeRoutes.list).reply(async () => {
    const actors = actorResolver(deps.stores);
    const sources = await store.list();
    return {
      status: 200,
      body: { sources: await Promise.all(sources.map(async ({ textRevision: _r, ...s }) => ({ ...s, updatedBy: await actors(s.updatedBy) }))) },
    };
  });

  router.on(knowledgeRoutes.create, { before: json }).reply(async ({ body, req }) => {
    const source = await store.create({ title: body.title, url: body.url ?? null, kind: 'text', fileName: null, text: tidy(body.text) }, req.principal!.id);
    reindex(source.id);
    await recordAudit(deps, req, 'knowledge.add', source.id, { title: source.title, kind: source.kind });
    return { status: 201, body: { source: await present(source) } };
  });

  router.on(knowledgeRoutes.upload, { before: fileBody() }).reply(async ({ query, req }) => {
    const { kind, text } = await readUpload(req, query.fileName);
    const source = await store.create(
      { title: query.title ?? withoutExtension(query.fileName), url: query.url ?? null, kind, fileName: query.fileName, text },
      req.principal!.id,
    );
    reindex(source.id);
    await recordAudit(deps, req, 'knowledge.add', source.id, { title: source.title, kind, fileName: query.fileName });
    return { status: 201, body: { source: await present(source) } };
  });

  router.on(knowledgeRoutes.get).reply(async ({ params }) => {
    const source = await store.get(params.id);
    const text = source ? await store.getText(params.id) : null;
    if (!source || text === null) throw notFound('Knowledge source');
    return { status: 200, body: { source: await present(source), text } };
  });

  router.on(knowledgeRoutes.update, { before: json }).reply(async ({ params, body, req }) => {
    const existing = await store.get(params.id);
    if (!existing) throw notFound('Knowledge source');
    if (body.text !== undefined && existing.kind !== 'text') {
      throw new HttpError(400, 'invalid_request', 'This source was uploaded as a file; upload the file again to change its text', [
        { path: 'text', message: 'only pasted sources take new text; upload the file again instead' },
      ]);
    }
    const updated = await store.update(
      params.id,
      {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.url !== undefined ? { url: body.url } : {}),
        ...(body.text !== undefined ? { content: { text: tidy(body.text), kind: 'text' as const, fileName: null } } : {}),
      },
      req.principal!.id,
    );
    if (!updated) throw notFound('Knowledge source');
    // The title is indexed with every passage, so a rename re-indexes too.
    if (body.text !== undefined || body.title !== undefined) reindex(updated.id);
    return { status: 200, body: { source: await present(updated) } };
  });

  router.on(knowledgeRoutes.replaceUpload, { before: fileBody() }).reply(async ({ params, query, req }) => {
    if (!(await store.get(params.id))) throw notFound('Knowledge source');
    const { kind, text } = await readUpload(req, query.fileName);
    const updated = await store.update(params.id, { content: { text, kind, fileName: query.fileName } }, req.principal!.id);
    if (!updated) throw notFound('Knowledge source');
    reindex(updated.id);
    return { status: 200, body: { source: await present(updated) } };
  });

  router.on(knowledgeRoutes.remove, { before: json }).reply(async ({ params, req }) => {
    const existing = await store.get(params.id);
    if (!existing || !(await store.delete(params.id))) throw notFound('Knowledge source');
    void knowledge.index.sourceDeleted(params.id);
    await recordAudit(deps, req, 'knowledge.delete', params.id, { title: existing.title });
    return { status: 204 };
  });

  router.on(knowledgeRoutes.search).reply(async ({ query }) => {
    if (query.flowId !== undefined) {
      const found = query.flowVersion !== undefined ? await deps.stores.flows.getVersion(query.flowId, query.flowVersion) : await deps.stores.flows.get(query.flowId);
      if (!found) throw notFound(query.flowVersion !== undefined ? 'Flow version' : 'Flow');
    }
    const hits = await knowledge.search({
      text: query.q,
      limit: query.limit,
      ...(query.flowId !== undefined ? { flowId: query.flowId } : {}),
      ...(query.flowVersion !== undefined ? { flowVersion: query.flowVersion } : {}),
    });
    return { status: 200, body: { passages: hits.map((h) => ({ ...h, score: round(h.score) })) } };
  });

  return router;
}
