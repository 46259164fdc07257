import { z } from 'zod';
import { defineRoute } from './route';
import { actorSchema, described, named } from './common';
import { KNOWLEDGE_KINDS } from '../knowledge/kinds';
import { KNOWLEDGE_LIMITS, UPLOAD_TYPES } from '../knowledge/limits';

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const publicUrl = described(
  z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
    .max(2000, 'must be at most 2000 characters')
    .nullable(),
  'The public page customers are shown as the citation; null for none',
);
const pastedText = z
  .string()
  .max(KNOWLEDGE_LIMITS.pastedChars, `must be at most ${KNOWLEDGE_LIMITS.pastedChars} characters`)
  .refine((t) => t.trim().length > 0, 'must not be empty');

export const knowledgeSourceSchema = named(
  'KnowledgeSource',
  z.object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    kind: z.enum(KNOWLEDGE_KINDS),
    fileName: described(z.string().nullable(), "The uploaded file's name; null for pasted text"),
    characters: z.number().int(),
    passages: described(z.number().int(), 'Passages in the search index; counted when indexing ends'),
    status: described(z.enum(['indexing', 'ready', 'failed']), '`indexing` from a save until its passages are searchable'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    updatedBy: actorSchema.nullable(),
  }),
  'A knowledge source: pasted text or an uploaded document, shared by every flow',
);
const one = z.object({ source: knowledgeSourceSchema });

export const knowledgeIdParams = z.object({ id: z.string().min(1).max(100) });

export const createKnowledgeBody = z.strictObject({ title, url: publicUrl.optional(), text: pastedText });
export const updateKnowledgeBody = z
  .strictObject({ title: title.optional(), url: publicUrl.optional(), text: pastedText.optional() })
  .refine((b) => b.title !== undefined || b.url !== undefined || b.text !== undefined, { message: 'send a title, url or text', path: ['title'] });

export const uploadQuery = z.object({
  fileName: described(z.string().trim().min(1, 'must not be empty').max(255), "The file's name, shown in the list; its extension decides the type when the body is application/octet-stream"),
  title: described(title.optional(), "Defaults to the file's name without its extension"),
  url: described(
    z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' }).max(2000).optional(),
    'The public page customers are shown as the citation',
  ),
});
export const replaceUploadQuery = uploadQuery.pick({ fileName: true });

const uploadDescription =
  `The file itself is the body, sent with its type: ${UPLOAD_TYPES.join(', ')} (or application/octet-stream with a .md, .txt, .html or .pdf file name). ` +
  `At most ${KNOWLEDGE_LIMITS.uploadBytes / 1_000_000} MB; larger gets 413, another type 415. A file with no readable text (a scanned PDF) gets 400 \`no_text\`.`;

export const knowledgeSearchQuery = z.object({
  q: described(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'), 'The question, as a customer would ask it'),
  flowId: described(z.string().min(1).max(200).optional(), "Also search this flow's FAQ items (its draft, or `flowVersion`)"),
  flowVersion: described(z.coerce.number().int().min(1).optional(), "With flowId: that published version's FAQ items instead of the draft's"),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const knowledgeHitSchema = named(
  'KnowledgePassage',
  z.object({
    id: described(z.string(), '`<sourceId>#<n>`; for a flow FAQ item the source id is `faq:<flowId>:<nodeId>`'),
    sourceId: z.string(),
    sourceTitle: z.string(),
    sourceUrl: z.string().nullable(),
    origin: described(z.enum(['source', 'faq']), "A knowledge source, or an FAQ item of the flow named in the query"),
    text: z.string(),
    score: described(z.number(), 'BM25 relevance; higher is better, comparable within one answer only'),
    highlights: described(z.array(z.tuple([z.number().int(), z.number().int()])), '[start, end) offsets in `text` of the words that matched'),
  }),
  'One passage a question retrieves',
);

export const knowledgeRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/knowledge/sources',
    tag: 'Knowledge',
    summary: 'List knowledge sources',
    access: 'editor',
    responses: { 200: z.object({ sources: z.array(knowledgeSourceSchema) }) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/knowledge/sources',
    tag: 'Knowledge',
    summary: 'Add a source from pasted text',
    description: 'Paragraphs are separated by blank lines; a line starting with `# ` is a heading. The source is indexed after the answer is sent (`status: indexing`).',
    access: 'editor',
    body: createKnowledgeBody,
    responses: { 201: one },
  }),
  upload: defineRoute({
    method: 'post',
    path: '/api/knowledge/sources/upload',
    tag: 'Knowledge',
    summary: 'Add a source from a Markdown, plain text, HTML or PDF file',
    description: uploadDescription,
    access: 'editor',
    query: uploadQuery,
    upload: { contentTypes: [...UPLOAD_TYPES, 'application/octet-stream'], description: 'The file' },
    responses: { 201: one },
    errors: [400, 413, 415],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/knowledge/sources/:id',
    tag: 'Knowledge',
    summary: 'A source with its extracted text',
    access: 'editor',
    params: knowledgeIdParams,
    responses: { 200: z.object({ source: knowledgeSourceSchema, text: z.string() }) },
    errors: [404],
  }),
  update: defineRoute({
    method: 'put',
    path: '/api/knowledge/sources/:id',
    tag: 'Knowledge',
    summary: "Change a source's title or link, or a pasted source's text",
    description: 'A file source gets new text by uploading the file again (`POST /api/knowledge/sources/{id}/upload`).',
    access: 'editor',
    params: knowledgeIdParams,
    body: updateKnowledgeBody,
    responses: { 200: one },
    errors: [404],
  }),
  replaceUpload: defineRoute({
    method: 'post',
    path: '/api/knowledge/sources/:id/upload',
    tag: 'Knowledge',
    summary: "Replace a source's text with a new file",
    description: `${uploadDescription} Title and link stay.`,
    access: 'editor',
    params: knowledgeIdParams,
    query: replaceUploadQuery,
    upload: { contentTypes: [...UPLOAD_TYPES, 'application/octet-stream'], description: 'The file' },
    responses: { 200: one },
    errors: [404, 413, 415],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/knowledge/sources/:id',
    tag: 'Knowledge',
    summary: 'Delete a source',
    access: 'editor',
    params: knowledgeIdParams,
    responses: { 204: null },
    errors: [404],
  }),
  search: defineRoute({
    method: 'get',
    path: '/api/knowledge/search',
    tag: 'Knowledge',
    summary: 'The passages a question would retrieve',
    description:
      'What the "Answer from knowledge" step would be given for this question: passages of every source (and, with `flowId`, that flow\'s FAQ items), best first, with the matched words marked.',
    access: 'editor',
    query: knowledgeSearchQuery,
    responses: { 200: z.object({ passages: z.array(knowledgeHitSchema) }) },
    errors: [404],
  }),
};
