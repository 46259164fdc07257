import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { reviewFlow } from './support/reviewFlow';
import { createChatModule, type ChatModule } from '../../api/src/chat/chatModule';
import { describeOnEachBackend } from './support/backends';

describeOnEachBackend('unrecognised-message review API', (backend) => {
  const FLOW = 'review-desk';
  let t: TestApp;
  let chat: ChatModule;

  beforeAll(async () => {
    t = await makeTestApp({ backend, chat: (deps) => (chat = createChatModule(deps, { retention: { enabled: false } })).routes });
    const editor = as(t.app, t.accounts.editor);
    await editor.post('/api/flows').send({ document: reviewFlow(FLOW) }).expect(201);
    await editor.post(`/api/flows/${FLOW}/publish`).send({ note: 'v1' }).expect(201);
  });

  afterAll(async () => {
    await chat?.close();
    await t?.close();
  });

  async function conversation() {
    const started = await request(t.app).post(`/api/chat/${FLOW}/sessions`).expect(201);
    const auth = `Bearer ${started.body.sessionToken}`;
    return async (text: string) =>
      (await request(t.app).post(`/api/chat/sessions/${started.body.sessionId}/messages`).set('Authorization', auth).send({ text }).expect(200)).body as {
        messages: { from: string; text?: string }[];
      };
  }

  const editor = () => as(t.app, t.accounts.editor);
  const groups = async (query = '') => (await editor().get(`/api/flows/${FLOW}/unrecognized/groups${query}`).expect(200)).body;
  const revision = async () => (await editor().get(`/api/flows/${FLOW}`).expect(200)).body.revision as number;
  type Group = { keys: string[]; text: string; count: number; examples: string[]; nodes: { nodeId: string; count: number }[]; reasons: string[]; suggestion: unknown };
  const groupOf = (body: { groups: Group[] }, text: string) => body.groups.find((g) => g.keys.includes(text));

  describe('the review list of unrecognised messages', () => {
    beforeAll(async () => {
      // One customer's message at the intent step, then one at the menu it falls back to.
      for (const [first, second] of [
        ['Gdzie jest moja paczka?', 'pogoda dzisiaj'],
        ['gdzie jest MOJA paczka', 'Pogoda, dzisiaj!'],
        ['gdzie moja paczka', 'pogoda jutro rano'],
        ['paczka gdzie jest moja', 'pogoda'],
        ['zwrot pieniędzy', 'pogoda'],
      ] as const) {
        const say = await conversation();
        await say(first);
        await say(second);
      }
      const track = await conversation();
      await track('where is my order');
      await track('perhaps tomorrow');
      const faq = await conversation();
      await faq('I have a question');
      await faq('qwerty zxcvb');
    });

    it('groups near-duplicates once with a count, most frequent first', async () => {
      const body = await groups();
      expect(body.truncated).toBe(false);
      const parcel = groupOf(body, 'gdzie jest moja paczka')!;
      // Case, punctuation, word order and a missing word ("jest") all land in one group.
      expect(parcel.count).toBe(4);
      expect(parcel.keys.sort()).toEqual(['gdzie jest moja paczka', 'gdzie moja paczka', 'paczka gdzie jest moja']);
      expect(parcel.examples).toContain('Gdzie jest moja paczka?');
      expect(parcel.nodes).toEqual([{ nodeId: 'understand', count: 4, best: expect.anything() }]);
      expect(parcel.reasons).toEqual(['lowConfidence']);
      expect(parcel.suggestion).toMatchObject({ kind: 'intent', nodeId: 'understand' });
      const weather = groupOf(body, 'pogoda dzisiaj')!;
      expect(weather.count).toBe(2);
      expect(weather.examples.sort()).toEqual(['Pogoda, dzisiaj!', 'pogoda dzisiaj']);
      expect(weather.reasons).toEqual(['noMatch']);
      expect(weather.suggestion).toEqual({ kind: 'choice', nodeId: 'menu', targetId: null });
      // Not near enough (one word of two or of three shared): groups of their own.
      expect(groupOf(body, 'pogoda')!.count).toBe(2);
      expect(groupOf(body, 'pogoda jutro rano')!.count).toBe(1);
      expect(groupOf(body, 'zwrot pieniedzy')!.count).toBe(1);
      expect(groupOf(body, 'perhaps tomorrow')).toMatchObject({ count: 1, reasons: ['unclearAnswer'], suggestion: null });
      expect(groupOf(body, 'qwerty zxcvb')).toMatchObject({ count: 1, suggestion: { kind: 'faq', nodeId: 'faq' } });
      const counts = body.groups.map((g: Group) => g.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(body.total).toBe(body.groups.length);
    });

    it('filters by step, reason and version, and pages', async () => {
      expect((await groups('?nodeId=menu')).groups.every((g: Group) => g.nodes.every((n) => n.nodeId === 'menu'))).toBe(true);
      expect((await groups('?reason=unclearAnswer')).groups.map((g: Group) => g.text)).toEqual(['perhaps tomorrow']);
      expect((await groups('?version=2')).groups).toEqual([]);
      const all = await groups();
      const page = await groups('?offset=1&limit=2');
      expect(page.groups.map((g: Group) => g.text)).toEqual(all.groups.slice(1, 3).map((g: Group) => g.text));
      expect(page.total).toBe(all.total);
      const bad = await editor().get(`/api/flows/${FLOW}/unrecognized/groups?reason=nope&limit=0`).expect(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.limit', 'query.reason']);
    });

    it('is for editors of an existing flow', async () => {
      await as(t.app, t.accounts.agent).get(`/api/flows/${FLOW}/unrecognized/groups`).expect(403);
      await editor().get('/api/flows/nope/unrecognized/groups').expect(404);
      await editor().post('/api/flows/nope/unrecognized/dismiss').send({ keys: ['x'] }).expect(404);
    });

    it('dismisses a group, and restores it on undo', async () => {
      const zwrot = groupOf(await groups(), 'zwrot pieniedzy')!;
      // Sent as typed: the server normalises keys again.
      const res = await editor().post(`/api/flows/${FLOW}/unrecognized/dismiss`).send({ keys: ['Zwrot  pieniędzy!'] }).expect(200);
      expect(res.body).toEqual({ marked: 1 });
      expect(groupOf(await groups(), 'zwrot pieniedzy')).toBeUndefined();
      // Stays dismissed when the same words come again.
      await (await conversation())('ZWROT pieniędzy');
      expect(groupOf(await groups(), 'zwrot pieniedzy')).toBeUndefined();
      await editor().post(`/api/flows/${FLOW}/unrecognized/restore`).send({ keys: zwrot.keys }).expect(200, { restored: 1 });
      expect(groupOf(await groups(), 'zwrot pieniedzy')!.count).toBe(2);
      const bad = await editor().post(`/api/flows/${FLOW}/unrecognized/dismiss`).send({ keys: [] }).expect(400);
      expect(bad.body.error.details[0].path).toBe('keys');
    });

    it('adds a synonym to a choice option and an FAQ question in the draft', async () => {
      const weather = groupOf(await groups(), 'pogoda dzisiaj')!;
      const r1 = await editor()
        .post(`/api/flows/${FLOW}/unrecognized/add`)
        .send({ revision: await revision(), keys: weather.keys, target: { kind: 'choice', nodeId: 'menu', optionId: 'opt-shipping', phrase: 'pogoda dzisiaj' } })
        .expect(200);
      expect(r1.body.revision).toBe(await revision());
      expect(groupOf(await groups(), 'pogoda dzisiaj')).toBeUndefined();
      const faqGroup = groupOf(await groups(), 'qwerty zxcvb')!;
      await editor()
        .post(`/api/flows/${FLOW}/unrecognized/add`)
        .send({ revision: r1.body.revision, keys: faqGroup.keys, target: { kind: 'faq', nodeId: 'faq', itemId: 'returns', phrase: 'qwerty zxcvb' } })
        .expect(200);
      const draft = (await editor().get(`/api/flows/${FLOW}`).expect(200)).body;
      const menu = draft.nodes.find((n: { id: string }) => n.id === 'menu');
      expect(menu.data.options[1].synonyms).toEqual(['delivery', 'pogoda dzisiaj']);
      const faq = draft.nodes.find((n: { id: string }) => n.id === 'faq');
      expect(faq.data.items[1].variants).toEqual(['return policy', 'can I send it back', 'qwerty zxcvb']);
      expect(draft.hasUnpublishedChanges).toBe(true);
    });

    it('refuses a stale revision with 409 and changes nothing', async () => {
      const stale = (await revision()) - 1;
      const res = await editor()
        .post(`/api/flows/${FLOW}/unrecognized/add`)
        .send({ revision: stale, keys: ['zwrot pieniedzy'], target: { kind: 'intent', nodeId: 'understand', intentId: 'question', phrase: 'zwrot pieniędzy' } })
        .expect(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.current.revision).toBe(stale + 1);
      expect(groupOf(await groups(), 'zwrot pieniedzy')).toBeDefined();
    });

    it('names the field at fault for an unknown step, entry, or a phrase already there', async () => {
      const rev = await revision();
      const attempt = async (target: Record<string, string>) =>
        (await editor().post(`/api/flows/${FLOW}/unrecognized/add`).send({ revision: rev, keys: ['x'], target }).expect(422)).body.error;
      expect((await attempt({ kind: 'intent', nodeId: 'ghost', intentId: 'track', phrase: 'x' })).details).toEqual([{ path: 'target.nodeId', message: 'is not a step of the draft' }]);
      expect((await attempt({ kind: 'intent', nodeId: 'faq', intentId: 'track', phrase: 'x' })).details[0].path).toBe('target.nodeId');
      expect((await attempt({ kind: 'intent', nodeId: 'understand', intentId: 'ghost', phrase: 'x' })).details[0].path).toBe('target.intentId');
      expect((await attempt({ kind: 'faq', nodeId: 'faq', itemId: 'ghost', phrase: 'x' })).details[0].path).toBe('target.itemId');
      expect((await attempt({ kind: 'choice', nodeId: 'menu', optionId: 'ghost', phrase: 'x' })).details[0].path).toBe('target.optionId');
      // In another intent of the same step, it would compete with itself: refused too.
      const dup = await attempt({ kind: 'intent', nodeId: 'understand', intentId: 'question', phrase: 'Where is my ORDER?' });
      expect(dup).toMatchObject({ code: 'phrase_exists', details: [{ path: 'target.phrase', message: 'is already in intent "track order"' }] });
      const long = await attempt({ kind: 'choice', nodeId: 'menu', optionId: 'opt-returns', phrase: 'y'.repeat(300) });
      expect(long).toMatchObject({ code: 'invalid_phrase', details: [{ path: 'target.phrase' }] });
      const shape = await editor().post(`/api/flows/${FLOW}/unrecognized/add`).send({ revision: rev, keys: ['x'], target: { kind: 'intent', nodeId: 'understand', phrase: ' ' } }).expect(400);
      expect(shape.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['target.intentId', 'target.phrase']);
      expect(await revision()).toBe(rev);
    });

    it('undoes an addition: the phrase leaves the draft and the group returns', async () => {
      const zwrot = groupOf(await groups(), 'zwrot pieniedzy')!;
      const target = { kind: 'intent', nodeId: 'understand', intentId: 'question', phrase: 'zwrot pieniędzy' };
      const added = await editor().post(`/api/flows/${FLOW}/unrecognized/add`).send({ revision: await revision(), keys: zwrot.keys, target }).expect(200);
      expect(groupOf(await groups(), 'zwrot pieniedzy')).toBeUndefined();
      const undone = await editor().post(`/api/flows/${FLOW}/unrecognized/undo-add`).send({ revision: added.body.revision, keys: zwrot.keys, target }).expect(200);
      expect(undone.body.revision).toBe(added.body.revision + 1);
      const draft = (await editor().get(`/api/flows/${FLOW}`).expect(200)).body;
      expect(draft.nodes.find((n: { id: string }) => n.id === 'understand').data.intents[1].examples).not.toContain('zwrot pieniędzy');
      expect(groupOf(await groups(), 'zwrot pieniedzy')!.count).toBe(2);
    });

    it('closes the loop: added to the draft, published, then recognised', async () => {
      const parcel = groupOf(await groups(), 'gdzie jest moja paczka')!;
      const target = { kind: 'intent', nodeId: 'understand', intentId: 'track', phrase: parcel.text };
      await editor().post(`/api/flows/${FLOW}/unrecognized/add`).send({ revision: await revision(), keys: parcel.keys, target }).expect(200);
      await editor().post(`/api/flows/${FLOW}/publish`).send({ note: 'learned phrases' }).expect(201);
      const say = await conversation();
      const reply = await say('Gdzie jest moja paczka?');
      // Recognised as "track order": the yes/no question follows instead of the menu.
      expect(reply.messages.filter((m) => m.from === 'bot').map((m) => m.text)).toEqual(['Is it urgent?']);
      const matched = (await chat.store.listFlowEvents({ flowId: FLOW, name: 'intentMatched', limit: 1 }))[0]!;
      expect(matched).toMatchObject({ flowVersion: 2, data: { intentId: 'track' } });
      // The choice synonym added earlier now matches too.
      const menu = await conversation();
      await menu('xqzv plumbus');
      expect((await menu('pogoda dzisiaj')).messages.filter((m) => m.from === 'bot').map((m) => m.text)).toEqual(['Bye!']);
      expect(groupOf(await groups(), 'gdzie jest moja paczka')).toBeUndefined();
    });

    it('shows an added message again when a version published after the addition still does not understand it', async () => {
      const gibberish = groupOf(await groups(), 'xqzv plumbus')!;
      const target = { kind: 'intent', nodeId: 'understand', intentId: 'question', phrase: 'xqzv plumbus' };
      await editor().post(`/api/flows/${FLOW}/unrecognized/add`).send({ revision: await revision(), keys: gibberish.keys, target }).expect(200);
      // Someone takes the phrase out again by hand before publishing.
      const draft = (await editor().get(`/api/flows/${FLOW}`).expect(200)).body;
      const understand = draft.nodes.find((n: { id: string }) => n.id === 'understand');
      understand.data.intents[1].examples = understand.data.intents[1].examples.filter((e: string) => e !== 'xqzv plumbus');
      await editor().put(`/api/flows/${FLOW}`).set('If-Match', String(draft.revision)).send(draft).expect(200);
      expect(groupOf(await groups(), 'xqzv plumbus')).toBeUndefined();
      await editor().post(`/api/flows/${FLOW}/publish`).send({ note: 'v3' }).expect(201);
      await (await conversation())('xqzv plumbus');
      // Only the message on version 3 counts: the one before the addition stays reviewed.
      expect(groupOf(await groups(), 'xqzv plumbus')).toMatchObject({ count: 1, versions: [3] });
    });
  });
});
