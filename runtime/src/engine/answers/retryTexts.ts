import type { InputKind } from '../../schema/nodes/question';

const EN: Record<InputKind, string> = {
  text: "Sorry, that answer doesn't look right. Please try again.",
  number: 'Please enter a number, for example 12 or 12.5.',
  email: 'Please enter a valid email address, for example name@example.com.',
  phone: 'Please enter a valid phone number, for example +48 600 100 200.',
  date: 'Please enter a date, for example 2026-12-24 or 24.12.2026.',
  yesNo: 'Please answer yes or no.',
};

const PL: Record<InputKind, string> = {
  text: 'Ta odpowiedź nie wygląda poprawnie. Spróbuj jeszcze raz.',
  number: 'Podaj liczbę, na przykład 12 lub 12,5.',
  email: 'Podaj poprawny adres e-mail, na przykład jan@example.com.',
  phone: 'Podaj poprawny numer telefonu, na przykład +48 600 100 200.',
  date: 'Podaj datę, na przykład 24.12.2026 lub 2026-12-24.',
  yesNo: 'Odpowiedz proszę „tak” lub „nie”.',
};

/** What is said after a rejected answer when the question sets no retry text. */
export function defaultRetryText(kind: InputKind, locale: string): string {
  return (locale === 'pl' || locale.startsWith('pl-') ? PL : EN)[kind];
}
