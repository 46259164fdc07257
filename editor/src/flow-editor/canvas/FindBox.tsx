import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../ui';
import { useEditorStore } from '../store';
import { findMatches } from './findMatches';

/** Ctrl/Cmd+F: searches node texts; Enter jumps to the next match (Shift+Enter the previous). */
export function FindBox() {
  const { t } = useTranslation('canvas');
  const open = useEditorStore((s) => s.findOpen);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<string[]>([]);
  const [index, setIndex] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [open]);

  if (!open) return null;

  // Matches are computed from a snapshot when the query changes, never by subscribing to every node.
  const search = (q: string) => {
    setQuery(q);
    setMatches(findMatches(useEditorStore.getState().nodes, q));
    setIndex(-1);
  };
  const go = (step: 1 | -1) => {
    const current = findMatches(useEditorStore.getState().nodes, query);
    setMatches(current);
    if (current.length === 0) return;
    const next = (index + step + current.length) % current.length;
    setIndex(next);
    useEditorStore.getState().selectNode(current[next]!, { center: true });
  };
  const close = () => {
    useEditorStore.getState().setFindOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  const status =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? t('find.none')
        : t('find.count', { current: index < 0 ? 0 : index + 1, total: matches.length });
  return (
    <div className="sb-find nopan" role="search">
      <input
        ref={inputRef}
        className="sb-find__input"
        type="search"
        value={query}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        onChange={(e) => search(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="sb-find__status" aria-live="polite">
        {status}
      </span>
      <IconButton aria-label={t('find.previous')} icon={<ChevronUp size={16} />} disabled={matches.length === 0} onClick={() => go(-1)} />
      <IconButton aria-label={t('find.next')} icon={<ChevronDown size={16} />} disabled={matches.length === 0} onClick={() => go(1)} />
      <IconButton aria-label={t('find.close')} icon={<X size={16} />} onClick={close} />
    </div>
  );
}
