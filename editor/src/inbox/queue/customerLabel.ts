import type { InboxItem } from '../../api';

const NAME_KEYS = ['name', 'customerName', 'fullName', 'firstName', 'email', 'phone'];

/** The best human handle the flow captured for the customer, if any. */
export function customerLabel(variables: InboxItem['variables']): string | null {
  for (const key of NAME_KEYS) {
    const value = variables[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** A short, stable reference to a conversation when the customer is anonymous. */
export function shortId(sessionId: string): string {
  return sessionId.replace(/-/g, '').slice(0, 6).toUpperCase();
}
