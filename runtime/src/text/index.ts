export { normalize, tokens } from './normalize';
export { renderTemplate, templateVariables, formatValue, type VariableLookup } from './template';
