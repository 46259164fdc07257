export * from './types';
export { SECRET_NAME_RE, SECRET_PLACEHOLDER_RE, secretPlaceholder, secretReferences } from './secretRef';
export { fillJsonTemplate, bodyTemplateProblem } from './jsonTemplate';
export { effectiveMaxResponseBytes, effectiveTimeoutMs } from './limits';
export { prepareRequest } from './prepareRequest';
export { parseJsonPath, readJsonPath, type JsonPathSegment, type JsonPathParse } from './jsonPath';
export { extractMappings, type MappedValues } from './extractMappings';
