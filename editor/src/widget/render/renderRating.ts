import { el } from './dom';
import type { Labels } from './labels';

/**
 * Satisfaction stars. Each star is a button that sends its number as the answer, which is what
 * a rating question on the server will parse.
 */
export function renderRating(doc: Document, max: number, labels: Labels, onRate: (stars: number) => void, question?: string): HTMLElement {
  const group = el(doc, 'div', { class: 'sb-rating', role: 'group', 'aria-label': question || labels.rateQuestion });
  for (let n = 1; n <= max; n++) {
    const star = el(doc, 'button', { type: 'button', class: 'sb-star', 'data-stars': String(n), 'aria-label': labels.rateLabel(n, max) }, ['★']);
    star.addEventListener('click', () => onRate(n));
    group.append(star);
  }
  return group;
}
