import { PDFDocument, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { helpDeskFlow } from './support/intentFaqHttpFlows';
import { knowledgeOf } from '../../api/src/knowledge/knowledgeOf';
import { KNOWLEDGE_LIMITS } from '../../api/src/knowledge/limits';
import { describeOnEachBackend } from './support/backends';

const RETURNS = [
  '# Zwroty',
  'Towar możesz zwrócić w ciągu 30 dni od odbioru. Zwrot jest bezpłatny, jeśli nadasz paczkę w paczkomacie.',
  '# Dostawa',
  'Kurier dostarcza zamówienia w 2 dni robocze. Dostawa jest darmowa od 100 zł.',
].join('\n\n');

async function pdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 16, font, size: 12 }));
  return Buffer.from(await doc.save());
}

describeOnEachBackend('knowledge sources API', (backend) => {
  let t: TestApp;
  let editor: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await makeTestApp({ backend });
    editor = as(t.app, t.accounts.editor);
  });
  afterAll(() => t.close());

  const indexed = () => knowledgeOf(t.deps).index.idle();

  it('adds pasted text, lists it, and finds its passages by a question in other word forms', async () => {
    const created = await editor.post('/api/knowledge/sources').send({ title: 'Regulamin sklepu', url: 'https://shop.example.pl/regulamin', text: RETURNS });
    expect(created.status).toBe(201);
    const source = created.body.source;
    expect(source).toMatchObject({ title: 'Regulamin sklepu', url: 'https://shop.example.pl/regulamin', kind: 'text', fileName: null, status: 'indexing', passages: 0 });
    expect(source.updatedBy).toEqual({ id: t.accounts.editor.id, name: 'Editor Person' });

    await indexed();
    const list = await editor.get('/api/knowledge/sources');
    expect(list.body.sources).toHaveLength(1);
    expect(list.body.sources[0]).toMatchObject({ id: source.id, status: 'ready', passages: 2 });

    const search = await editor.get('/api/knowledge/search').query({ q: 'Jak zwrócić zamówienie? Ile trwa zwrot?' });
    expect(search.status).toBe(200);
    const [best] = search.body.passages;
    expect(best).toMatchObject({ id: `${source.id}#0`, sourceId: source.id, sourceTitle: 'Regulamin sklepu', sourceUrl: 'https://shop.example.pl/regulamin', origin: 'source' });
    expect(best.text.startsWith('Zwroty\nTowar możesz zwrócić')).toBe(true);
    const marked = best.highlights.map(([a, b]: [number, number]) => best.text.slice(a, b));
    expect(marked).toEqual(expect.arrayContaining(['Zwroty', 'zwrócić', 'Zwrot']));
    expect(best.score).toBeGreaterThan(0);

    // Folded and stemmed: no accents and another case still find the delivery passage first.
    const delivery = await editor.get('/api/knowledge/search').query({ q: 'DOSTAWY kurierem' });
    expect(delivery.body.passages[0].id).toBe(`${source.id}#1`);
  });

  it('uploads Markdown, HTML and PDF files and searches them', async () => {
    const md = await editor
      .post('/api/knowledge/sources/upload')
      .query({ fileName: 'gwarancja.md' })
      .set('Content-Type', 'text/markdown')
      .send('# Gwarancja\n\nSprzęt ma **24 miesiące** gwarancji producenta.');
    expect(md.status).toBe(201);
    expect(md.body.source).toMatchObject({ title: 'gwarancja', kind: 'markdown', fileName: 'gwarancja.md' });

    const html = await editor
      .post('/api/knowledge/sources/upload')
      .query({ fileName: 'hours.html', title: 'Opening hours', url: 'https://shop.example.com/hours' })
      .set('Content-Type', 'text/html; charset=utf-8')
      .send('<h1>Opening hours</h1><p>Our store opens at 9 and closes at 17 on weekdays.</p><script>evil()</script>');
    expect(html.status).toBe(201);

    const file = await pdf(['Warranty claims are handled within 14 days.', 'Send the receipt with the device.']);
    const fromPdf = await editor.post('/api/knowledge/sources/upload').query({ fileName: 'Warranty.pdf' }).set('Content-Type', 'application/octet-stream').send(file);
    expect(fromPdf.status).toBe(201);
    expect(fromPdf.body.source.kind).toBe('pdf');
    await indexed();

    const got = await editor.get(`/api/knowledge/sources/${fromPdf.body.source.id}`);
    expect(got.body.text).toBe('Warranty claims are handled within 14 days.\nSend the receipt with the device.');
    expect((await editor.get(`/api/knowledge/sources/${html.body.source.id}`)).body.text).not.toContain('evil');

    const hits = (await editor.get('/api/knowledge/search').query({ q: 'when does the store close?' })).body.passages;
    expect(hits[0].sourceTitle).toBe('Opening hours');
    expect((await editor.get('/api/knowledge/search').query({ q: 'warranty claim' })).body.passages[0].sourceTitle).toBe('Warranty');
    expect((await editor.get('/api/knowledge/search').query({ q: 'ile miesięcy gwarancji' })).body.passages[0].sourceTitle).toBe('gwarancja');
  });

  it('refuses files it cannot take, saying why and where', async () => {
    const big = await editor
      .post('/api/knowledge/sources/upload')
      .query({ fileName: 'big.txt' })
      .set('Content-Type', 'text/plain')
      .send(Buffer.alloc(KNOWLEDGE_LIMITS.uploadBytes + 1, 0x61));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'file_too_large', details: [{ path: 'body' }] });

    const type = await editor.post('/api/knowledge/sources/upload').query({ fileName: 'x.docx' }).set('Content-Type', 'application/msword').send(Buffer.from('x'));
    expect(type.status).toBe(415);
    expect(type.body.error.details[0].path).toBe('headers.content-type');

    const unnamed = await editor.post('/api/knowledge/sources/upload').query({ fileName: 'x.docx' }).set('Content-Type', 'application/octet-stream').send(Buffer.from('x'));
    expect(unnamed.status).toBe(415);
    expect(unnamed.body.error.details[0].path).toBe('query.fileName');

    const broken = await editor.post('/api/knowledge/sources/upload').query({ fileName: 'broken.pdf' }).set('Content-Type', 'application/pdf').send(Buffer.from('%PDF-1.4 nothing'));
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('unreadable_file');

    const empty = await editor.post('/api/knowledge/sources/upload').query({ fileName: 'blank.pdf' }).set('Content-Type', 'application/pdf').send(await pdf([]));
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('no_text');

    const noName = await editor.post('/api/knowledge/sources/upload').set('Content-Type', 'text/plain').send('hello');
    expect(noName.status).toBe(400);
    expect(noName.body.error.details[0].path).toBe('query.fileName');

    const badUrl = await editor.post('/api/knowledge/sources').send({ title: 'x', url: 'javascript:alert(1)', text: 'hello' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.details[0].path).toBe('url');

    const blank = await editor.post('/api/knowledge/sources').send({ title: 'x', text: '   ' });
    expect(blank.body.error.details[0].path).toBe('text');
  });

  it('renames, replaces text and deletes, re-indexing each time and auditing adds and deletes', async () => {
    const id = (await editor.post('/api/knowledge/sources').send({ title: 'Godziny', text: 'Infolinia działa od 8 do 20.' })).body.source.id as string;
    t.now.value += 60_000;
    const renamed = await editor.put(`/api/knowledge/sources/${id}`).send({ title: 'Infolinia', url: 'https://shop.example.pl/kontakt' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.source).toMatchObject({ title: 'Infolinia', url: 'https://shop.example.pl/kontakt' });
    await editor.put(`/api/knowledge/sources/${id}`).send({ text: 'Czat działa całą dobę.' }).expect(200);
    await indexed();
    expect((await editor.get('/api/knowledge/search').query({ q: 'infolinia czat' })).body.passages[0]).toMatchObject({
      sourceTitle: 'Infolinia',
      text: 'Czat działa całą dobę.',
    });
    expect((await editor.get('/api/knowledge/search').query({ q: 'od 8 do 20' })).body.passages.filter((p: { sourceId: string }) => p.sourceId === id)).toEqual([]);

    const pdfId = (await editor.get('/api/knowledge/sources')).body.sources.find((s: { kind: string }) => s.kind === 'pdf').id;
    const notPasted = await editor.put(`/api/knowledge/sources/${pdfId}`).send({ text: 'new' });
    expect(notPasted.status).toBe(400);
    expect(notPasted.body.error.details[0].path).toBe('text');
    const replaced = await editor.post(`/api/knowledge/sources/${pdfId}/upload`).query({ fileName: 'warranty-2.txt' }).set('Content-Type', 'text/plain').send('Warranty is now 36 months.');
    expect(replaced.status).toBe(200);
    expect(replaced.body.source).toMatchObject({ kind: 'plain', fileName: 'warranty-2.txt', title: 'Warranty', status: 'indexing' });

    expect((await editor.delete(`/api/knowledge/sources/${id}`)).status).toBe(204);
    expect((await editor.delete(`/api/knowledge/sources/${id}`)).status).toBe(404);
    expect((await editor.get(`/api/knowledge/sources/${id}`)).status).toBe(404);
    await indexed();
    expect((await editor.get('/api/knowledge/search').query({ q: 'czat' })).body.passages).toEqual([]);

    const audit = (await as(t.app, t.accounts.admin).get('/api/audit').query({ actor: 'editor@example' })).body.entries as { action: string; target: string }[];
    expect(audit.filter((e) => e.target === id).map((e) => e.action)).toEqual(['knowledge.delete', 'knowledge.add']);
  });

  it("searches a flow's FAQ items too: the draft's, or a published version's", async () => {
    await editor.post('/api/flows').send({ document: helpDeskFlow('kb-flow') }).expect(201);
    const draft = await editor.get('/api/knowledge/search').query({ q: 'what does delivery cost', flowId: 'kb-flow' });
    expect(draft.status).toBe(200);
    expect(draft.body.passages[0]).toMatchObject({
      id: 'faq:kb-flow:faq#0',
      sourceId: 'faq:kb-flow:faq',
      sourceTitle: 'Help desk',
      sourceUrl: null,
      origin: 'faq',
      text: 'How much is shipping?\nShipping is free over 100 PLN.',
    });
    expect((await editor.get('/api/knowledge/search').query({ q: 'delivery', flowId: 'kb-flow', flowVersion: 1 })).status).toBe(404);
    expect((await editor.get('/api/knowledge/search').query({ q: 'delivery', flowId: 'nope' })).status).toBe(404);

    // Published, then the draft's answer changes: a version keeps its own FAQ, the draft has the new one.
    expect((await editor.post('/api/flows/kb-flow/publish').send({ note: 'v1' })).status).toBe(201);
    const doc = (await editor.get('/api/flows/kb-flow')).body;
    doc.nodes.find((n: { id: string }) => n.id === 'faq').data.items[0].answer = 'Shipping costs 9 PLN.';
    expect((await editor.put('/api/flows/kb-flow').set('If-Match', `"${doc.revision}"`).send(doc)).status).toBe(200);
    const live = await editor.get('/api/knowledge/search').query({ q: 'shipping cost', flowId: 'kb-flow', flowVersion: 1 });
    expect(live.body.passages[0].text).toBe('How much is shipping?\nShipping is free over 100 PLN.');
    const edited = await editor.get('/api/knowledge/search').query({ q: 'shipping cost', flowId: 'kb-flow' });
    expect(edited.body.passages[0].text).toBe('How much is shipping?\nShipping costs 9 PLN.');
    // Publishing runs the flow's checks; on a busy machine that takes longer than the default 5 s.
  }, 30_000);

  it('is for admins and editors only', async () => {
    const agent = as(t.app, t.accounts.agent);
    expect((await agent.get('/api/knowledge/sources')).status).toBe(403);
    expect((await agent.get('/api/knowledge/search').query({ q: 'x' })).status).toBe(403);
    expect((await agent.post('/api/knowledge/sources').send({ title: 'x', text: 'y' })).status).toBe(403);
    expect((await request(t.app).get('/api/knowledge/sources')).status).toBe(401);
    expect((await as(t.app, t.accounts.admin).get('/api/knowledge/sources')).status).toBe(200);
  });
});
