/**
 * The names of the fixed exits of a step, as the canvas, the inspector and the problems panel
 * show them. The editor's translations (`canvas.json` → `handles`) are checked against these by
 * a test, so a label changed in one place cannot drift from the others.
 */
export const EXIT_LABELS = {
  en: {
    next: 'Answered',
    invalid: 'Invalid answer',
    noMatch: "Didn't match",
    else: 'Otherwise',
    resolved: 'Back from the agent',
    offline: 'Nobody available',
    fallback: 'Not understood',
    answered: 'Answered',
    noAnswer: 'No answer',
    success: 'Success',
    error: 'Failed',
  },
  pl: {
    next: 'Odpowiedziano',
    invalid: 'Błędna odpowiedź',
    noMatch: 'Brak dopasowania',
    else: 'W przeciwnym razie',
    resolved: 'Powrót od konsultanta',
    offline: 'Nikt niedostępny',
    fallback: 'Nie zrozumiano',
    answered: 'Odpowiedziano',
    noAnswer: 'Brak odpowiedzi',
    success: 'Udane',
    error: 'Nieudane',
  },
} as const;

export type ExitName = keyof (typeof EXIT_LABELS)['en'];

/** The English label of a named exit, or the handle itself for one without a label. */
export function exitLabel(handle: string): string {
  return Object.hasOwn(EXIT_LABELS.en, handle) ? EXIT_LABELS.en[handle as ExitName] : handle;
}
