import Database from 'better-sqlite3';

/**
 * Reads each conversation's turn counter straight from the database, so the bench can check
 * that the server really committed the turns the load client counted, spread over every
 * conversation rather than piled onto a few.
 */
export function sessionTurns(file: string, ids: string[]): Map<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const get = db.prepare('SELECT turn FROM conversations WHERE id = ?').pluck();
    return new Map(ids.map((id) => [id, Number(get.get(id) ?? NaN)]));
  } finally {
    db.close();
  }
}

export interface TurnCheck {
  ok: boolean;
  committed: number;
  idle: number;
  message: string;
}

/**
 * Every conversation must have advanced, and the committed turns must match what the client
 * counted, allowing for the requests still in flight when the client stopped counting.
 */
export function checkTurns(before: Map<string, number>, after: Map<string, number>, counted: number, inFlight: number): TurnCheck {
  let committed = 0;
  let idle = 0;
  for (const [id, b] of before) {
    const delta = (after.get(id) ?? NaN) - b;
    committed += delta;
    if (!(delta > 0)) idle++;
  }
  const ok = idle === 0 && committed >= counted && committed <= counted + inFlight;
  return {
    ok,
    committed,
    idle,
    message: `${committed} turns committed for ${counted} counted over ${before.size} conversations${idle ? `, ${idle} never advanced` : ''}`,
  };
}
