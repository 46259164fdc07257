import type { FlowNode } from '../schema/node';
import { kindOf } from '../kinds';

// Each kind says what it reads and writes (runtime/src/kinds); these name the questions.

/** The variables a node reads before it writes any, i.e. the ones that must already be set. */
export function variablesRead(node: FlowNode): string[] {
  return kindOf(node).reads(node);
}

/** The variables that hold a value once the conversation leaves `node` through `handle`. */
export function variablesWrittenOn(node: FlowNode, handle: string): string[] {
  return kindOf(node).writes(node, handle);
}
