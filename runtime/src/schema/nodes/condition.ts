import { z } from 'zod';
import { idSchema, nodeSchemaOf, variableNameSchema } from '../common';

export const conditionOpSchema = z.enum([
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'isSet',
  'isEmpty',
  'matches',
]);
export type ConditionOp = z.infer<typeof conditionOpSchema>;

export const conditionRuleSchema = z.strictObject({
  variable: variableNameSchema,
  op: conditionOpSchema,
  value: z.union([z.string().max(1000), z.number(), z.boolean()]).optional(),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

export const conditionBranchSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(200),
  match: z.enum(['all', 'any']),
  rules: z.array(conditionRuleSchema).max(50),
});
export type ConditionBranch = z.infer<typeof conditionBranchSchema>;

export const conditionDataSchema = z.strictObject({
  branches: z.array(conditionBranchSchema).max(50),
});
export const conditionNodeSchema = nodeSchemaOf('condition', conditionDataSchema);
export type ConditionNode = z.infer<typeof conditionNodeSchema>;
export type ConditionData = ConditionNode['data'];

export const conditionHandles = (data: ConditionData): string[] => [...data.branches.map((b) => b.id), 'else'];
