/** How a source came in: pasted in the page, or an uploaded file of one of these types. */
export const KNOWLEDGE_KINDS = ['text', 'markdown', 'plain', 'html', 'pdf'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
/** The kinds read from an uploaded file. */
export type FileKind = Exclude<KnowledgeKind, 'text'>;
