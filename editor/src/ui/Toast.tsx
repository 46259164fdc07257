import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { CheckCircle2, AlertCircle, Info, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './IconButton';
import { cx } from './cx';

export type ToastTone = 'info' | 'success' | 'error';

interface ToastItem {
  id: number;
  tone: ToastTone;
  message: ReactNode;
}

export interface ToastApi {
  show(message: ReactNode, tone?: ToastTone): void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TOAST_MS = 5000;

/** Short, non-blocking notices ("Flow deleted"). Errors stay until dismissed so they are not missed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((all) => all.filter((item) => item.id !== id)), []);
  const show = useCallback(
    (message: ReactNode, tone: ToastTone = 'info') => {
      const id = nextId.current++;
      setItems((all) => [...all.slice(-3), { id, tone, message }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="sb-toasts" role="region" aria-label={t('notifications')}>
        {items.map((item) => (
          <div key={item.id} className={cx('sb-toast', `sb-toast--${item.tone}`)} role={item.tone === 'error' ? 'alert' : 'status'}>
            {item.tone === 'success' ? (
              <CheckCircle2 size={18} color="var(--sb-success)" aria-hidden style={{ marginTop: 5 }} />
            ) : item.tone === 'error' ? (
              <AlertCircle size={18} color="var(--sb-danger)" aria-hidden style={{ marginTop: 5 }} />
            ) : (
              <Info size={18} color="var(--sb-primary)" aria-hidden style={{ marginTop: 5 }} />
            )}
            <div className="sb-toast__message">{item.message}</div>
            <IconButton aria-label={t('dismiss')} icon={<X size={16} aria-hidden />} onClick={() => dismiss(item.id)} />
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
