import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store';
import { knownVariableNames } from '../model/variableUsage';

/** A one-off read, for popups that only need the names when they open. */
export function readKnownVariables(): string[] {
  const s = useEditorStore.getState();
  return knownVariableNames(s.meta.variables, s.nodes);
}

/**
 * Declared + captured names for dropdowns. The selector scans nodes on each store change but
 * `useShallow` keeps the component from re-rendering unless the list itself changes.
 */
export function useKnownVariables(): string[] {
  return useEditorStore(useShallow((s) => knownVariableNames(s.meta.variables, s.nodes)));
}
