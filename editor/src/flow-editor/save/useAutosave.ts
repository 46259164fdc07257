import { useEffect } from 'react';
import { api } from '../../api';
import { addNavigationGuard } from '../../app/router';
import { i18n } from '../../i18n';
import { useEditorStore } from '../store';
import { AutosaveController } from './autosaveController';
import { idbDraftStore } from './draftStorage';
import { setActiveAutosave } from './activeAutosave';
import { hasUnsavedWork, useSaveState } from './saveState';

function unsavedWork(): boolean {
  const s = useEditorStore.getState();
  return hasUnsavedWork(useSaveState.getState().status, s.changeCounter, s.savedCounter);
}

/**
 * Autosaves the open flow, keeps a local draft, and warns before the user leaves with work that
 * is not on the server yet (closing the tab, or navigating inside the app).
 */
export function useAutosave(flowId: string): void {
  useEffect(() => {
    const controller = new AutosaveController({
      flowId,
      editor: useEditorStore,
      api: api.flows,
      drafts: idbDraftStore,
      state: useSaveState,
      events: window,
    });
    controller.start();
    setActiveAutosave(controller);

    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!unsavedWork()) return;
      void controller.flushDraft();
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const onPageHide = () => void controller.flushDraft();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    const removeGuard = addNavigationGuard(() => !unsavedWork() || window.confirm(i18n.t('panels:save.leaveConfirm')));

    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      void controller.flushDraft();
      controller.dispose();
      setActiveAutosave(null);
    };
  }, [flowId]);
}
