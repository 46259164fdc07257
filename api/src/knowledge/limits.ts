/** Sizes a knowledge source may have; the contract quotes them and README repeats them. */
export const KNOWLEDGE_LIMITS = {
  /** Characters of pasted text (the JSON body limit follows from it). */
  pastedChars: 200_000,
  /** Bytes of an uploaded file. */
  uploadBytes: 10_000_000,
  /** Characters of text read from one file: about 150,000 words. */
  extractedChars: 1_000_000,
} as const;

/** Content types an upload may be sent with, and the kind each means. */
export const UPLOAD_KINDS = new Map([
  ['text/markdown', 'markdown'],
  ['text/x-markdown', 'markdown'],
  ['text/plain', 'plain'],
  ['text/html', 'html'],
  ['application/pdf', 'pdf'],
] as const);
export const UPLOAD_TYPES = [...UPLOAD_KINDS.keys()];

/** For application/octet-stream: the kind by the file name's extension. */
export const EXTENSION_KINDS = new Map([
  ['md', 'markdown'],
  ['markdown', 'markdown'],
  ['txt', 'plain'],
  ['text', 'plain'],
  ['html', 'html'],
  ['htm', 'html'],
  ['pdf', 'pdf'],
] as const);
