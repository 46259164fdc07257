/** Every word the widget shows, per language; the host page picks one with data-lang. */
export interface Labels {
  openChat: string;
  closeChat: string;
  chatWindow: string;
  /** The header's title when the flow sets none: customer-facing, never the internal flow name. */
  defaultTitle: string;
  transcript: string;
  messageInput: string;
  send: string;
  yes: string;
  no: string;
  typing: string;
  you: string;
  bot: string;
  agentTalking: (name: string) => string;
  offline: string;
  reconnecting: string;
  refused: string;
  unavailable: string;
  /** The flow was deleted while this conversation ran. */
  removed: string;
  genericError: string;
  sendFailed: string;
  restart: string;
  ended: string;
  expired: string;
  waitingForAgent: string;
  rateLabel: (n: number, max: number) => string;
  rateQuestion: string;
  dismissGreeting: string;
  privacyNotice: string;
  privacyLink: string;
  events: Record<string, (agentName: string) => string>;
}

const en: Labels = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  chatWindow: 'Chat',
  defaultTitle: 'Chat with us',
  transcript: 'Conversation',
  messageInput: 'Your message',
  send: 'Send',
  yes: 'Yes',
  no: 'No',
  typing: 'is typing…',
  you: 'You',
  bot: 'Assistant',
  agentTalking: (name) => `You are talking to ${name}`,
  offline: 'You are offline. Messages will arrive when the connection is back.',
  reconnecting: 'Connection lost. Reconnecting…',
  refused: 'This chat is not available on this website.',
  unavailable: 'This chat is not available right now.',
  removed: 'This chat has ended: it is no longer offered. Sorry for the interruption.',
  genericError: 'Something went wrong. Please try again.',
  sendFailed: 'Your message could not be sent. Please try again.',
  restart: 'Start a new conversation',
  ended: 'This conversation has ended.',
  expired: 'This conversation timed out.',
  waitingForAgent: 'Waiting for an agent…',
  rateLabel: (n, max) => `${n} of ${max} stars`,
  rateQuestion: 'How would you rate this conversation?',
  dismissGreeting: 'Dismiss',
  privacyNotice: 'Privacy notice',
  privacyLink: 'Privacy policy',
  events: {
    agentJoined: (name) => `${name || 'An agent'} joined the conversation`,
    returnedToBot: () => 'You are back with the assistant',
    conversationClosed: () => 'The conversation was closed',
    sessionExpired: () => 'The conversation timed out',
    handoffRequested: () => 'Connecting you to a person…',
    flowRemoved: () => 'This chat has ended: it is no longer offered',
  },
};

const pl: Labels = {
  openChat: 'Otwórz czat',
  closeChat: 'Zamknij czat',
  chatWindow: 'Czat',
  defaultTitle: 'Czat z nami',
  transcript: 'Rozmowa',
  messageInput: 'Twoja wiadomość',
  send: 'Wyślij',
  yes: 'Tak',
  no: 'Nie',
  typing: 'pisze…',
  you: 'Ty',
  bot: 'Asystent',
  agentTalking: (name) => `Rozmawiasz z: ${name}`,
  offline: 'Jesteś offline. Wiadomości dotrą po odzyskaniu połączenia.',
  reconnecting: 'Utracono połączenie. Łączenie ponownie…',
  refused: 'Ten czat nie jest dostępny na tej stronie.',
  unavailable: 'Ten czat jest teraz niedostępny.',
  removed: 'Ten czat został zakończony: nie jest już dostępny. Przepraszamy za utrudnienia.',
  genericError: 'Coś poszło nie tak. Spróbuj ponownie.',
  sendFailed: 'Nie udało się wysłać wiadomości. Spróbuj ponownie.',
  restart: 'Zacznij nową rozmowę',
  ended: 'Rozmowa została zakończona.',
  expired: 'Rozmowa wygasła.',
  waitingForAgent: 'Czekamy na konsultanta…',
  rateLabel: (n, max) => `${n} z ${max} gwiazdek`,
  rateQuestion: 'Jak oceniasz tę rozmowę?',
  dismissGreeting: 'Zamknij',
  privacyNotice: 'Informacja o prywatności',
  privacyLink: 'Polityka prywatności',
  events: {
    agentJoined: (name) => `${name || 'Konsultant'} dołącza do rozmowy`,
    returnedToBot: () => 'Wracasz do asystenta',
    conversationClosed: () => 'Rozmowa została zamknięta',
    sessionExpired: () => 'Rozmowa wygasła',
    handoffRequested: () => 'Łączymy z konsultantem…',
    flowRemoved: () => 'Ten czat się zakończył: nie jest już dostępny',
  },
};

const ALL: Record<string, Labels> = { en, pl };

/** `pl-PL` falls back to `pl`, anything unknown to English. */
export function labelsFor(lang: string | undefined): Labels {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return ALL[base] ?? en;
}
