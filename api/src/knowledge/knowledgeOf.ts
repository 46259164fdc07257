import type { AppDeps } from '../deps';
import { KnowledgeBase } from './knowledgeBase';

declare module '../deps' {
  interface AppDeps {
    /** The knowledge sources' index and retriever; defaults to one per app's stores. */
    knowledge?: KnowledgeBase;
  }
}

const bases = new WeakMap<object, KnowledgeBase>();

/**
 * The one KnowledgeBase of an app, shared by the knowledge routes (which re-index on save) and
 * the chat runtime's answer step (which retrieves): two instances would index twice and drift.
 */
export function knowledgeOf(deps: Pick<AppDeps, 'stores' | 'logger' | 'knowledge'>): KnowledgeBase {
  if (deps.knowledge) return deps.knowledge;
  let base = bases.get(deps.stores.knowledge);
  if (!base) bases.set(deps.stores.knowledge, (base = new KnowledgeBase(deps.stores.knowledge, deps.stores.flows, deps.logger)));
  return base;
}
