import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import { KINDS, PALETTE_KINDS } from '../kinds';

/**
 * Opens where a connection was dropped on empty canvas: picking a kind creates that node there,
 * already connected. Arrow keys move, Enter picks, Escape closes.
 */
export function QuickAddMenu() {
  const { t } = useTranslation('canvas');
  const quickAdd = useEditorStore((s) => s.quickAdd);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (quickAdd) {
      setActive(0);
      listRef.current?.focus();
    }
  }, [quickAdd]);

  if (!quickAdd) return null;
  const close = () => useEditorStore.getState().setQuickAdd(null);
  const pick = (i: number) => {
    const kind = PALETTE_KINDS[i];
    if (!kind) return;
    const s = useEditorStore.getState();
    s.addNode(kind, quickAdd.position, quickAdd.from);
    s.setQuickAdd(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => (i + 1) % PALETTE_KINDS.length);
    else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + PALETTE_KINDS.length) % PALETTE_KINDS.length);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(PALETTE_KINDS.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') pick(active);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const optionId = (i: number) => `sb-quickadd-${PALETTE_KINDS[i]}`;
  return (
    <div className="sb-quickadd nopan nowheel" style={{ left: quickAdd.screen.x, top: quickAdd.screen.y }}>
      <div className="sb-quickadd__title" id="sb-quickadd-title">
        {t('quickAdd.title')}
      </div>
      <ul
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-labelledby="sb-quickadd-title"
        aria-activedescendant={optionId(active)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) close();
        }}
      >
        {PALETTE_KINDS.map((kind, i) => {
          const Icon = KINDS[kind].icon;
          return (
            <li
              key={kind}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              <span className="sb-quickadd__icon" style={{ color: KINDS[kind].color }} aria-hidden>
                <Icon size={14} />
              </span>
              {t(`kinds.${kind}.name`)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
