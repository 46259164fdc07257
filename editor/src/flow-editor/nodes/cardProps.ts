import type { NodeProps } from '@xyflow/react';
import type { NodeKind } from '@switchboard/runtime';
import type { EditorNode } from '../store/types';

export type CardProps<K extends NodeKind> = NodeProps<Extract<EditorNode, { type: K }>>;
