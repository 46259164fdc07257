import type { AutosaveController } from './autosaveController';

/**
 * The controller of the flow open in this tab. SaveStatus and its dialogs take no props (the
 * page renders them in fixed slots), so they reach the controller here.
 */
let active: AutosaveController | null = null;

export function setActiveAutosave(controller: AutosaveController | null): void {
  active = controller;
}

export function getActiveAutosave(): AutosaveController | null {
  return active;
}
