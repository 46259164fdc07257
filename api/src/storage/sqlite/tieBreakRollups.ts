import { EVENT_COLUMNS, onInsert, replay, STATS_OF, type Rule } from './analyticsRollups';

/**
 * Counters of unsure intent steps that asked the language model, on conversation_stats
 * (migration 10), kept like migration 6's (analyticsRollups.ts): `intentTieBreak` events by
 * outcome, and the picks that were the classifier's own best guess. Existing events are replayed.
 */
const TIE_BREAK_RULES: Rule[] = [
  {
    name: 'intent_tie_break',
    when: `NEW.name = 'intentTieBreak' AND json_valid(NEW.data) AND json_extract(NEW.data, '$.outcome') IN ('picked', 'none', 'failed')`,
    body: `UPDATE conversation_stats SET
        tiebreak_picked = tiebreak_picked + (json_extract(NEW.data, '$.outcome') = 'picked'),
        tiebreak_none = tiebreak_none + (json_extract(NEW.data, '$.outcome') = 'none'),
        tiebreak_failed = tiebreak_failed + (json_extract(NEW.data, '$.outcome') = 'failed'),
        tiebreak_agreed = tiebreak_agreed + (json_extract(NEW.data, '$.outcome') = 'picked'
          AND json_type(NEW.data, '$.modelPick') = 'text' AND json_type(NEW.data, '$.classifierGuess') = 'text'
          AND json_extract(NEW.data, '$.modelPick') = json_extract(NEW.data, '$.classifierGuess'))
      WHERE ${STATS_OF('NEW.session_id')};`,
  },
];

export const TIE_BREAK_ROLLUPS_SQL = `
  ALTER TABLE conversation_stats ADD COLUMN tiebreak_picked INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN tiebreak_none INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN tiebreak_failed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN tiebreak_agreed INTEGER NOT NULL DEFAULT 0;
  ${onInsert('events', TIE_BREAK_RULES)}
  ${replay('events', EVENT_COLUMNS, TIE_BREAK_RULES, `name = 'intentTieBreak'`, 'id')}
`;
