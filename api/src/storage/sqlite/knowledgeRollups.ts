import { EVENT_COLUMNS, onInsert, replay, STATS_OF, type Rule } from './analyticsRollups';

/**
 * Answer-from-knowledge counters on conversation_stats (migration 8), kept like migration 6's
 * (analyticsRollups.ts): `knowledgeAnswer` events by outcome, and the answers to the step's
 * "did that help?" follow-up (`knowledgeFeedback`, helpful true/false). Existing events are replayed.
 */
const KNOWLEDGE_RULES: Rule[] = [
  {
    name: 'knowledge_answer',
    when: `NEW.name = 'knowledgeAnswer' AND json_valid(NEW.data) AND json_extract(NEW.data, '$.outcome') IN ('answered', 'noAnswer', 'error')`,
    body: `UPDATE conversation_stats SET
        knowledge_answered = knowledge_answered + (json_extract(NEW.data, '$.outcome') = 'answered'),
        knowledge_no_answer = knowledge_no_answer + (json_extract(NEW.data, '$.outcome') = 'noAnswer'),
        knowledge_failed = knowledge_failed + (json_extract(NEW.data, '$.outcome') = 'error')
      WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    name: 'knowledge_feedback',
    when: `NEW.name = 'knowledgeFeedback' AND json_valid(NEW.data) AND json_type(NEW.data, '$.helpful') IN ('true', 'false')`,
    body: `UPDATE conversation_stats SET
        knowledge_yes = knowledge_yes + (json_type(NEW.data, '$.helpful') = 'true'),
        knowledge_no = knowledge_no + (json_type(NEW.data, '$.helpful') = 'false')
      WHERE ${STATS_OF('NEW.session_id')};`,
  },
];

export const KNOWLEDGE_ROLLUPS_SQL = `
  ALTER TABLE conversation_stats ADD COLUMN knowledge_answered INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN knowledge_no_answer INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN knowledge_failed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN knowledge_yes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversation_stats ADD COLUMN knowledge_no INTEGER NOT NULL DEFAULT 0;
  ${onInsert('events', KNOWLEDGE_RULES)}
  ${replay('events', EVENT_COLUMNS, KNOWLEDGE_RULES, `name IN ('knowledgeAnswer', 'knowledgeFeedback')`, 'id')}
`;
