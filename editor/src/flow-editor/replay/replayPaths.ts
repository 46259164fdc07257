import { flowPath } from '../../app/router';

/** The query parameter that opens the editor replaying a conversation: `/flows/<id>?replay=<sessionId>`. */
export const REPLAY_PARAM = 'replay';

/** Where "Show path on canvas" leads (the analytics page links here). */
export const replayPath = (flowId: string, sessionId: string) => `${flowPath(flowId)}?${REPLAY_PARAM}=${encodeURIComponent(sessionId)}`;
