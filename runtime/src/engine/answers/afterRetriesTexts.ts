import type { AfterRetries } from '../../schema/settings';

const EN: Record<AfterRetries['action'], string> = {
  handoff: "Sorry, I still can't understand your answer. I'm passing you to a member of our team.",
  end: "Sorry, I still can't understand your answer. Please write to us again later.",
};

const PL: Record<AfterRetries['action'], string> = {
  handoff: 'Przepraszam, nadal nie rozumiem odpowiedzi. Przekazuję rozmowę do naszego zespołu.',
  end: 'Przepraszam, nadal nie rozumiem odpowiedzi. Napisz do nas proszę ponownie później.',
};

/** Said when retries run out and the exit leads nowhere, if the flow sets no text of its own. */
export function defaultAfterRetriesText(action: AfterRetries['action'], locale: string): string {
  return (locale === 'pl' || locale.startsWith('pl-') ? PL : EN)[action];
}
