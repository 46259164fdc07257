import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ExtractionError, extractText } from '../../../api/src/knowledge/extract/extractText';
import { splitPassages } from '../../../api/src/knowledge/passages';

const bytes = (text: string) => new TextEncoder().encode(text);

async function pdfOf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 16, font, size: 12 }));
  }
  return doc.save();
}

describe('reading uploaded files', () => {
  it('reads Markdown without its markup, headings kept for the splitter', async () => {
    const md = '# Zwroty\n\nMożesz **zwrócić** towar w ciągu [30 dni](https://shop.pl/zwroty).\n\n- paragon\n- opakowanie\n\n| Kurier | Cena |\n| --- | --- |\n| DPD | 15 zł |\n\n<p>Tekst &amp; HTML</p>';
    const text = await extractText('markdown', bytes(md));
    expect(text).toBe('# Zwroty\n\nMożesz zwrócić towar w ciągu 30 dni.\n\n- paragon\n- opakowanie\n\nKurier | Cena\nDPD | 15 zł\n\nTekst & HTML');
    expect(splitPassages(text)[0]!.heading).toBe('Zwroty');
  });

  it('reads HTML as text: headings marked, scripts, images and link addresses left out', async () => {
    const html =
      '<html><head><style>p{}</style><script>alert(1)</script></head><body><nav>Menu</nav><h2>Dostawa</h2><p>Wysyłamy w <a href="https://x.pl">24&nbsp;godziny</a>.</p><img src="a.png" alt="logo"><p>Druga część.</p></body></html>';
    const text = await extractText('html', bytes(html));
    expect(text).toBe('# Dostawa\n\nWysyłamy w 24 godziny.\n\nDruga część.');
  });

  it('reads the text of every page of a PDF', async () => {
    const pdf = await pdfOf([['Returns are free within 30 days.', 'Keep the receipt.'], ['Page two: delivery takes 2 days.']]);
    const text = await extractText('pdf', pdf);
    expect(text).toBe('Returns are free within 30 days.\nKeep the receipt.\n\nPage two: delivery takes 2 days.');
  });

  it('refuses a broken PDF with a reason, without harm to the process', async () => {
    await expect(extractText('pdf', bytes('%PDF-1.7\nthis is not really a pdf'))).rejects.toThrow(ExtractionError);
    await expect(extractText('pdf', bytes('hello'))).rejects.toThrow(/PDF could not be read/);
  });

  it('refuses binary bytes sent as text', async () => {
    await expect(extractText('plain', new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).rejects.toThrow(/not UTF-8|not text/);
  });

  it('stops a reader that takes too long', async () => {
    const pdf = await pdfOf([['slow']]);
    await expect(extractText('pdf', pdf, { timeoutMs: 1, heapMb: 64 })).rejects.toThrow(/longer than/);
  });
});
