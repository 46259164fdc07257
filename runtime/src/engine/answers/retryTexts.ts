import type { InputKind, QuestionData } from '../../schema/nodes/question';

type RetryKey = Exclude<InputKind, 'number'> | 'number' | 'wholeNumber' | 'positiveNumber' | 'positiveWholeNumber';

const EN: Record<RetryKey, string> = {
  text: "Sorry, that answer doesn't look right. Please try again.",
  number: 'Please enter a number, for example 12 or 12.5.',
  wholeNumber: 'Please enter a whole number, for example 12.',
  positiveNumber: 'Please enter a number that is not negative, for example 12 or 12.5.',
  positiveWholeNumber: 'Please enter a whole number that is not negative, for example 12.',
  digits: 'Please enter digits only, for example 123456.',
  orderNumber: 'Please enter your order number as letters and digits, for example AB123456.',
  postcodePl: 'Please enter a postcode like 00-950.',
  email: 'Please enter a valid email address, for example name@example.com.',
  phone: 'Please enter a valid phone number, for example +48 600 100 200.',
  date: 'Please enter a date, for example 2026-12-24 or 24.12.2026.',
  yesNo: 'Please answer yes or no.',
};

const PL: Record<RetryKey, string> = {
  text: 'Ta odpowiedź nie wygląda poprawnie. Spróbuj jeszcze raz.',
  number: 'Podaj liczbę, na przykład 12 lub 12,5.',
  wholeNumber: 'Podaj liczbę całkowitą, na przykład 12.',
  positiveNumber: 'Podaj liczbę, która nie jest ujemna, na przykład 12 lub 12,5.',
  positiveWholeNumber: 'Podaj liczbę całkowitą, która nie jest ujemna, na przykład 12.',
  digits: 'Podaj same cyfry, na przykład 123456.',
  orderNumber: 'Podaj numer zamówienia (litery i cyfry), na przykład AB123456.',
  postcodePl: 'Podaj kod pocztowy w formacie 00-950.',
  email: 'Podaj poprawny adres e-mail, na przykład jan@example.com.',
  phone: 'Podaj poprawny numer telefonu, na przykład +48 600 100 200.',
  date: 'Podaj datę, na przykład 24.12.2026 lub 2026-12-24.',
  yesNo: 'Odpowiedz proszę „tak” lub „nie”.',
};

type RetryRules = Pick<QuestionData, 'inputKind' | 'allowNegative' | 'allowDecimals'>;

function retryKey(q: RetryRules): RetryKey {
  if (q.inputKind !== 'number') return q.inputKind;
  const whole = q.allowDecimals === false;
  if (q.allowNegative === false) return whole ? 'positiveWholeNumber' : 'positiveNumber';
  return whole ? 'wholeNumber' : 'number';
}

/** What is said after a rejected answer when the question sets no retry text. */
export function defaultRetryText(question: RetryRules, locale: string): string {
  return (locale === 'pl' || locale.startsWith('pl-') ? PL : EN)[retryKey(question)];
}
