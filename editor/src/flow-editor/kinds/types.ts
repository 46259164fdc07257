import type { LucideIcon } from 'lucide-react';
import type { NodeData, NodeKind } from '@switchboard/runtime';
import type { FlowMeta } from '../store/types';

/** How a card draws its outputs: one handle on the right edge, one labelled row each, or none. */
export type OutputPlacement = 'edge' | 'rows' | 'none';

/**
 * A card's shape before React Flow has measured it (see nodes/initialGeometry.ts): how it
 * places its outputs and how many text lines its body typically takes.
 */
export interface CardGeometry {
  outputs: OutputPlacement;
  lines: number;
  hasInput: boolean;
}

/** What a freshly dropped node may depend on. */
export interface NewNodeContext {
  nodeId: string;
  meta: FlowMeta;
  usedVariables: ReadonlySet<string>;
}

/**
 * Everything the editor knows about one node kind, apart from its two React components (the
 * canvas card and the inspector form, registered in kinds/views.tsx). They live apart because
 * cards and forms themselves read this record (the frame's icon, the jump target's summary):
 * holding the components here would make an import cycle.
 */
export interface KindModel<K extends NodeKind> {
  /** Shown on the canvas card, the inspector header, the palette and the problems list. */
  icon: LucideIcon;
  /** Accent of the card's header stripe and of the kind's icon everywhere. */
  color: string;
  /** Place in the palette and quick-add menu (lower first); null keeps the kind out (start). */
  paletteOrder: number | null;
  /**
   * What a node holds when it is dropped on the canvas. Texts start empty (the card shows a
   * "click to edit" hint and the validator flags them) so no placeholder wording ever reaches a
   * customer by accident.
   */
  newData(ctx: NewNodeContext): NodeData<K>;
  /**
   * The words a person recognises a node by: used by find, the jump card and the quick pickers.
   * Empty when the node has no text of its own (the caller then shows the kind's name).
   */
  summary(data: NodeData<K>): string;
  /** Further searchable strings beyond the summary: option, branch and variable names. */
  searchTerms(data: NodeData<K>): string[];
  geometry: CardGeometry;
}

/** One record per kind: a kind missing from it does not compile. */
export type KindModels = { [K in NodeKind]: KindModel<K> };
