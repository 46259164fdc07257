import { useMemo } from 'react';
import { diffWords } from '@switchboard/runtime';

/** A text before and after, as one run with deletions struck through and insertions marked. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <span className="wd">
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} className="wd-ins">
            {p.text}
          </ins>
        ) : p.op === 'delete' ? (
          <del key={i} className="wd-del">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
