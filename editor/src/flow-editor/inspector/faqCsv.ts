/**
 * Reads FAQ pairs from a CSV file: `question,answer` per line, an optional header, quoted fields
 * as in RFC 4180 (doubled quotes, commas and line breaks inside quotes). Spreadsheets in Polish
 * and other comma-decimal locales save with semicolons, so a file whose first line separates
 * with `;` and has no comma outside quotes is read with `;`.
 */

export type FaqCsvErrorCode = 'columns' | 'emptyQuestion' | 'emptyAnswer' | 'unclosedQuote' | 'textAfterQuote' | 'tooLong';

export interface FaqCsvError {
  /** 1-based line of the file where the faulty record starts. */
  line: number;
  code: FaqCsvErrorCode;
  /** For `columns`: how many columns the line had. */
  count?: number;
}

export interface FaqCsvRow {
  line: number;
  question: string;
  answer: string;
}

export interface FaqCsvResult {
  rows: FaqCsvRow[];
  errors: FaqCsvError[];
  /** True when the first line was a `question,answer` header and was skipped. */
  hadHeader: boolean;
}

/** Limits of the FAQ schema, so an import never produces an item the document would refuse. */
export const FAQ_CSV_LIMITS = { question: 500, answer: 5000 } as const;

const HEADER_WORDS = {
  question: ['question', 'questions', 'pytanie', 'pytania', 'q'],
  answer: ['answer', 'answers', 'odpowiedz', 'odpowiedzi', 'a'],
};

interface RawRecord {
  line: number;
  fields: string[];
  error?: 'unclosedQuote' | 'textAfterQuote';
}

function detectDelimiter(text: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > 0 && commas === 0 ? ';' : ',';
}

/** Splits text into records, remembering the line each starts on. */
function readRecords(text: string, delimiter: string): RawRecord[] {
  const records: RawRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const record: RawRecord = { line, fields: [] };
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        // Quoted field: runs to the next lone quote, across line breaks.
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) {
          record.error = 'unclosedQuote';
          record.fields.push(field);
          records.push(record);
          return records;
        }
        // Spaces after the closing quote are forgiven; anything else is ambiguous.
        while (text[i] === ' ' || text[i] === '\t') i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          record.error ??= 'textAfterQuote';
          while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      record.fields.push(field);
      field = '';
      const ch = text[i];
      if (ch === delimiter) {
        i++;
      } else {
        if (ch === '\r') i++;
        if (text[i] === '\n') i++;
        if (ch !== undefined) line++;
        endOfRecord = true;
      }
    }
    records.push(record);
  }
  return records;
}

const isBlank = (r: RawRecord) => r.fields.every((f) => f.trim() === '');

const foldHeader = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');

function isHeader(r: RawRecord): boolean {
  const [q, a] = r.fields.map(foldHeader);
  return q !== undefined && a !== undefined && HEADER_WORDS.question.includes(q) && HEADER_WORDS.answer.includes(a);
}

export function parseFaqCsv(input: string): FaqCsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records = readRecords(text, detectDelimiter(text)).filter((r) => r.error !== undefined || !isBlank(r));
  const hadHeader = records[0] !== undefined && records[0].error === undefined && isHeader(records[0]);
  const rows: FaqCsvRow[] = [];
  const errors: FaqCsvError[] = [];
  for (const r of hadHeader ? records.slice(1) : records) {
    if (r.error) {
      errors.push({ line: r.line, code: r.error });
      continue;
    }
    // Trailing empty cells are what spreadsheets leave behind; they are not extra columns.
    const fields = [...r.fields];
    while (fields.length > 2 && fields[fields.length - 1]!.trim() === '') fields.pop();
    if (fields.length !== 2) {
      errors.push({ line: r.line, code: 'columns', count: fields.length });
      continue;
    }
    const question = fields[0]!.trim();
    const answer = fields[1]!.trim();
    if (question === '') errors.push({ line: r.line, code: 'emptyQuestion' });
    else if (answer === '') errors.push({ line: r.line, code: 'emptyAnswer' });
    else if (question.length > FAQ_CSV_LIMITS.question || answer.length > FAQ_CSV_LIMITS.answer) errors.push({ line: r.line, code: 'tooLong' });
    else rows.push({ line: r.line, question, answer });
  }
  return { rows, errors, hadHeader };
}
