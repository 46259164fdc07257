import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type SignedIn, type TestServer } from '../chat/support/testServer';
import { describeOnEachBackend } from '../support/backends';

describeOnEachBackend('personal-data requests API', (backend) => {
  let s: TestServer;
  let admin: SignedIn;

  beforeAll(async () => {
    s = await startTestServer({ backend, chat: { retention: { enabled: false } } });
    await s.publish();
    admin = await s.signIn('admin');
  });
  afterAll(async () => {
    await s.stop();
  });

  /** A customer who answers the order question with `answer`. */
  async function chatWith(answer: string): Promise<string> {
    const started = await s.http.post('/api/chat/flow-chat/sessions').expect(201);
    const auth = `Bearer ${started.body.sessionToken}`;
    await s.http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ optionId: 'order' }).expect(200);
    await s.http.post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text: answer }).expect(200);
    return started.body.sessionId as string;
  }

  const post = (path: string, who: SignedIn = admin) => s.http.post(path).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf);

  describe('personal-data requests', () => {
    it('finds a customer by variable value, by phone digits, by id and by what they typed', async () => {
      const a = await chatWith('Jan.Kowalski@example.pl');
      const b = await chatWith('+48 600 100 200');
      const other = await chatWith('someone@else.pl');

      const byEmail = await post('/api/privacy/conversations/search').send({ query: 'jan.kowalski@example.pl' }).expect(200);
      expect(byEmail.body.conversations.map((c: { sessionId: string; matchedBy: string }) => [c.sessionId, c.matchedBy])).toEqual([[a, 'variable']]);
      expect(byEmail.body.conversations[0]).toMatchObject({ flowId: 'flow-chat', flowName: 'Chat test flow', status: 'completed' });

      const byPhone = await post('/api/privacy/conversations/search').send({ query: '600100200' }).expect(200);
      expect(byPhone.body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([b]);

      const byId = await post('/api/privacy/conversations/search').send({ query: other }).expect(200);
      expect(byId.body.conversations).toMatchObject([{ sessionId: other, matchedBy: 'id' }]);

      const byText = await post('/api/privacy/conversations/search').send({ query: 'kowalski' }).expect(200);
      expect(byText.body.conversations).toMatchObject([{ sessionId: a, matchedBy: 'message' }]);

      const none = await post('/api/privacy/conversations/search').send({ query: 'nobody@nowhere.pl' }).expect(200);
      expect(none.body.conversations).toEqual([]);
      expect((await post('/api/privacy/conversations/search').send({ query: 'ab' })).status).toBe(400);
    });

    it('finds Polish letters whatever their case, and a NUL or LIKE wildcard typed by the customer as text', async () => {
      const polish = await chatWith('Żaneta.Łęcka@Przykład.pl');
      const odd = await chatWith('100%_done\u0000now');
      for (const query of ['żaneta.łęcka@przykład.pl', 'ŻANETA.ŁĘCKA@PRZYKŁAD.PL']) {
        const found = await post('/api/privacy/conversations/search').send({ query }).expect(200);
        expect(found.body.conversations.map((c: { sessionId: string; matchedBy: string }) => [c.sessionId, c.matchedBy]), query).toEqual([[polish, 'variable']]);
      }
      const byText = await post('/api/privacy/conversations/search').send({ query: 'ŁĘCKA' }).expect(200);
      expect(byText.body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([polish]);
      // `%` and `_` are letters here, not patterns: "100%_d" finds only the message that has them.
      const wildcard = await post('/api/privacy/conversations/search').send({ query: '100%_d' }).expect(200);
      expect(wildcard.body.conversations.map((c: { sessionId: string }) => c.sessionId)).toEqual([odd]);
      const none = await post('/api/privacy/conversations/search').send({ query: '1000_d' }).expect(200);
      expect(none.body.conversations).toEqual([]);
    });

    it('exports the whole conversation as JSON and records who did it', async () => {
      const id = await chatWith('export.me@example.pl');
      const res = await post('/api/privacy/conversations/export').send({ sessionIds: [id] }).expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="conversations-\d{4}-\d{2}-\d{2}\.json"$/);
      const body = JSON.parse(res.text);
      expect(body.conversations).toHaveLength(1);
      expect(body.conversations[0]).toMatchObject({ sessionId: id, variables: { orderNo: 'export.me@example.pl' } });
      expect(body.conversations[0].messages.map((m: { text?: string }) => m.text)).toContain('export.me@example.pl');
      expect(body.conversations[0].events.length).toBeGreaterThan(0);
      expect((await post('/api/privacy/conversations/export').send({ sessionIds: ['missing'] })).status).toBe(404);

      const audit = await s.http.get('/api/audit?action=conversations.export').set('Cookie', admin.cookie).expect(200);
      expect(audit.body.entries[0]).toMatchObject({ actor: { id: admin.id }, detail: { count: 1, sessionIds: id } });
    });

    it('erases conversations for good, keeps their counts, and records who did it', async () => {
      const id = await chatWith('erase.me@example.pl');
      const res = await post('/api/privacy/conversations/erase').send({ sessionIds: [id, id] }).expect(200);
      expect(res.body).toEqual({ erased: 1 });
      const after = await post('/api/privacy/conversations/search').send({ query: 'erase.me@example.pl' }).expect(200);
      expect(after.body.conversations).toEqual([]);
      // Nothing of it is left to any other reader: transcript, path, history search or export.
      const get = (url: string) => s.http.get(url).set('Cookie', admin.cookie);
      expect((await get(`/api/conversations/${id}`)).status).toBe(404);
      expect((await get(`/api/flows/flow-chat/analytics/conversations/${id}/path`)).status).toBe(404);
      expect((await get('/api/conversations?q=erase.me').expect(200)).body.conversations).toEqual([]);
      expect((await post('/api/privacy/conversations/export').send({ sessionIds: [id] })).status).toBe(404);
      expect((await post('/api/privacy/conversations/erase').send({ sessionIds: [id] })).body).toEqual({ erased: 0 });
      const audit = await s.http.get('/api/audit?action=conversations.erase').set('Cookie', admin.cookie).expect(200);
      expect(audit.body.entries.map((e: { detail: { count: number } }) => e.detail.count)).toEqual([0, 1]);
    });

    it('is for admins only', async () => {
      const editor = await s.signIn('editor');
      const agent = await s.signIn('agent');
      for (const who of [editor, agent]) {
        expect((await post('/api/privacy/conversations/search', who).send({ query: 'anything' })).status).toBe(403);
        expect((await post('/api/privacy/conversations/erase', who).send({ sessionIds: ['x'] })).status).toBe(403);
      }
      expect((await s.http.post('/api/privacy/conversations/export').send({ sessionIds: ['x'] })).status).toBe(401);
    });
  });
});
