// Kept per tab (sessionStorage): a reload keeps an agent's "away", a new shift in a new tab starts online.
const KEY = 'switchboard.inbox.away';

function store(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Whether the agent switched themselves to away in this tab. */
export function choseAway(storage: Storage | null = store()): boolean {
  return storage?.getItem(KEY) === '1';
}

export function rememberAwayChoice(away: boolean, storage: Storage | null = store()): void {
  try {
    if (away) storage?.setItem(KEY, '1');
    else storage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice lasts until the next reload, which is acceptable.
  }
}
