import { useEffect } from 'react';
import { addNavigationGuard } from '../app/router';

/** Asks before leaving the page (in the app or the browser) while there are unsaved changes. */
export function useUnsavedGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const remove = addNavigationGuard(() => window.confirm(question));
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      remove();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, question]);
}
