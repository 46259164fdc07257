// The extraction worker: plain JavaScript, so it starts in a fraction of a second without a
// TypeScript loader (tsx in a worker cost seconds per file). Started by extractInWorker.ts once
// per uploaded file with workerData {kind, bytes}; answers {ok, text} or {ok: false, message}.
// The text it returns is raw; the server tidies its whitespace.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDecoder } from 'node:util';
import { Lexer, Parser } from 'marked';
import { compile } from 'html-to-text';

const require = createRequire(import.meta.url);

class Refused extends Error {}

/** UTF-8 text, refusing what is plainly not text (a binary file renamed .txt). */
function decodeText(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Refused('The file is not UTF-8 text');
  }
  if (text.includes('\u0000')) throw new Refused('The file is not text');
  return text.replace(/^\uFEFF/, '');
}

// ---- HTML: headings become "# " lines, the form the passage splitter looks for.

const headingFormatter = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline('# ');
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const htmlToText = compile({
  wordwrap: false,
  formatters: { sbHeading: headingFormatter },
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'sbHeading' })),
    // Links read as their words: the address means nothing to a customer's question.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'nav', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
});

// ---- Markdown: walked token by token, inline markup dropped.

const inlineParser = new Parser();
// The parser's own text renderer: one made apart from it has no parser to recurse with.
const inline = (tokens, fallback) => (tokens ? inlineParser.parseInline(tokens, inlineParser.textRenderer) : fallback);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

function markdownBlocks(tokens, out) {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push(`# ${oneLine(inline(token.tokens, token.text))}`);
        break;
      case 'paragraph':
      case 'text':
        out.push(inline(token.tokens, token.text));
        break;
      case 'list':
        out.push(
          token.items
            .map((item) => {
              const inner = [];
              markdownBlocks(item.tokens, inner);
              return `- ${oneLine(inner.join(' '))}`;
            })
            .join('\n'),
        );
        break;
      case 'blockquote':
        markdownBlocks(token.tokens, out);
        break;
      case 'code':
        out.push(token.text);
        break;
      case 'table': {
        const row = (cells) => cells.map((c) => inline(c.tokens, c.text)).join(' | ');
        out.push([row(token.header), ...token.rows.map(row)].join('\n'));
        break;
      }
      case 'html':
        out.push(htmlToText(token.text));
        break;
      default:
        // space, hr, def: nothing a customer would ask about.
        break;
    }
  }
}

function markdownToText(markdown) {
  const out = [];
  markdownBlocks(new Lexer({ gfm: true }).lex(markdown), out);
  // The text renderer leaves entities escaped (&amp;); this text is read, not rendered.
  return out.map((block) => block.replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => ENTITIES[e] ?? m)).join('\n\n');
}

// ---- PDF: pdf.js's legacy build, which carries the polyfills Node 20 lacks (Promise.withResolvers).

const STANDARD_FONTS = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;

async function pdfToText(bytes, maxPages) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    throw new Refused(`The PDF could not be read (${err?.message || 'unknown reason'})`);
  }
  const pages = [];
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (typeof item.str !== 'string') continue;
      text += item.str;
      text += item.hasEOL ? '\n' : item.str === '' || item.str.endsWith(' ') ? '' : ' ';
    }
    pages.push(text);
    page.cleanup();
  }
  await task.destroy();
  return pages.join('\n\n');
}

async function extract(kind, bytes, maxPages) {
  switch (kind) {
    case 'plain':
      return decodeText(bytes);
    case 'markdown':
      return markdownToText(decodeText(bytes));
    case 'html':
      return htmlToText(decodeText(bytes));
    case 'pdf':
      return pdfToText(bytes, maxPages);
    default:
      throw new Refused(`Unknown kind ${kind}`);
  }
}

extract(workerData.kind, workerData.bytes, workerData.maxPdfPages).then(
  (text) => parentPort.postMessage({ ok: true, text }),
  (err) => parentPort.postMessage({ ok: false, message: err instanceof Refused ? err.message : `The file could not be read (${err?.message ?? err})` }),
);
