import { z } from 'zod';
import { idSchema, nodeSchemaOf, variableNameSchema } from '../common';

export const choiceOptionSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(200),
  synonyms: z.array(z.string().max(200)).max(50).optional(),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

export const choiceDataSchema = z.strictObject({
  text: z.string().max(5000),
  options: z.array(choiceOptionSchema).max(50),
  /** When set, the chosen option's label is saved into this variable. */
  variable: variableNameSchema.optional(),
});
export const choiceNodeSchema = nodeSchemaOf('choice', choiceDataSchema);
export type ChoiceNode = z.infer<typeof choiceNodeSchema>;
export type ChoiceData = ChoiceNode['data'];

export const choiceHandles = (data: ChoiceData): string[] => [...data.options.map((o) => o.id), 'noMatch'];
