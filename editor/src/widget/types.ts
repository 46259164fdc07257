// Type-only imports: they vanish from the bundle, so the widget stays free of server code while
// speaking exactly the server's shapes.
import type { TranscriptMessage, InputRequest, SessionStatus } from '@switchboard/runtime';

export type { InputRequest, SessionStatus };

/**
 * A transcript message. A satisfaction step asks for its rating as an ordinary text message;
 * the stars come from the input request (`type: 'rating'`), not from the message.
 */
export type ChatMessage = TranscriptMessage;

/** What the customer may be asked for: the engine's input request, the satisfaction rating included. */
export type WidgetInput = InputRequest;

export interface ChatView {
  messages: ChatMessage[];
  input: WidgetInput;
  status: SessionStatus;
}

export interface StartedChat extends ChatView {
  sessionId: string;
  sessionToken: string;
}

/** What the customer sends: typed text or a clicked option (ratings go as their number). */
export type CustomerReply = { text: string } | { optionId: string };

/** Flow `settings.widget`, as served by GET /api/widget/:flowId. */
export interface WidgetSettings {
  title?: string;
  primaryColor?: string;
  avatarUrl?: string;
  launcherPosition?: 'left' | 'right';
  greeting?: string;
}

/** Flow `settings.privacy.notice` when its text is not empty. */
export interface PrivacyNoticeConfig {
  text: string;
  linkUrl: string;
  linkLabel: string;
}

export interface WidgetConfig {
  flowId: string;
  name: string;
  locale: string;
  widget: WidgetSettings;
  /** Absent from servers older than the notice. */
  privacyNotice?: PrivacyNoticeConfig | null;
}
