/** Default wording of the FAQ and satisfaction steps, in the flow's language (English otherwise). */
export interface FeedbackTexts {
  helpful: string;
  yes: string;
  no: string;
  ratingRetry: string;
  comment: string;
  skipComment: string;
}

const EN: FeedbackTexts = {
  helpful: 'Did that help?',
  yes: 'Yes',
  no: 'No',
  ratingRetry: 'Please choose a rating from 1 to 5.',
  comment: 'Thanks! Anything you would like to add?',
  skipComment: 'No, thanks',
};

const PL: FeedbackTexts = {
  helpful: 'Czy to pomogło?',
  yes: 'Tak',
  no: 'Nie',
  ratingRetry: 'Wybierz ocenę od 1 do 5.',
  comment: 'Dziękujemy! Czy chcesz coś dodać?',
  skipComment: 'Nie, dziękuję',
};

export function feedbackTexts(locale: string): FeedbackTexts {
  return locale === 'pl' || locale.startsWith('pl-') ? PL : EN;
}
