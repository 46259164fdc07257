export { normalize, tokens } from './normalize';
export {
  renderTemplate,
  compileTemplate,
  fillTemplate,
  templateVariables,
  formatValue,
  type CompiledTemplate,
  type VariableLookup,
} from './template';
