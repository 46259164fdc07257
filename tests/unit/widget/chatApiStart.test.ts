import { describe, expect, it } from 'vitest';
import { createChatApi } from '../../../editor/src/widget/chatApi';

// What the widget puts on the wire when a conversation starts: the visitor id, or nothing.
describe('the widget chat API start', () => {
  const started = { sessionId: 's', sessionToken: 't', messages: [], input: { type: 'none' }, status: 'active' };

  async function bodySent(visitorId: string | null) {
    const bodies: unknown[] = [];
    const api = createChatApi('http://chat.test/', 'flow-1', async (url, init) => {
      expect(String(url)).toBe('http://chat.test/api/chat/flow-1/sessions');
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(started), { status: 201, headers: { 'content-type': 'application/json' } });
    });
    await api.start(visitorId);
    return bodies[0];
  }

  it('sends the visitor id when there is one', async () => {
    expect(await bodySent('AbC_def-0123456789xyzQ')).toEqual({ visitorId: 'AbC_def-0123456789xyzQ' });
  });

  it('sends an empty body without one', async () => {
    expect(await bodySent(null)).toEqual({});
  });
});
