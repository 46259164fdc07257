import { formatValue, renderTemplate } from '../text/template';
import type { VariableValue } from '../schema/common';
import { fillJsonTemplate } from './jsonTemplate';
import { effectiveMaxResponseBytes, effectiveTimeoutMs } from './limits';
import { breakPlaceholders, secretReferences } from './secretRef';
import type { HttpRequestSpec, PreparedRequest, Variables } from './types';

// CR/LF would split a header; NUL and other controls are refused by every HTTP stack.
// eslint-disable-next-line no-control-regex
const HEADER_CONTROLS = /[\u0000-\u001f\u007f]/g;

const urlPart = (value: VariableValue | undefined) => encodeURIComponent(formatValue(value));
const headerPart = (value: VariableValue | undefined) =>
  breakPlaceholders(formatValue(value).replace(HEADER_CONTROLS, ' '));

const hasHeader = (headers: { name: string }[], name: string) =>
  headers.some((h) => h.name.trim().toLowerCase() === name);

/**
 * Fills a request's variables for sending. Values are encoded for where they land, so a
 * customer's answer can neither leave its URL component nor its JSON string, nor add a header,
 * nor spell a secret placeholder. Secret references stay placeholders: the engine, its sessions
 * and its events never hold a secret's value.
 *
 * @param secretNames the secrets that exist, to report references to missing ones.
 */
export function prepareRequest(spec: HttpRequestSpec, variables: Variables, secretNames: Iterable<string>): PreparedRequest {
  const lookup = (name: string) => (Object.hasOwn(variables, name) ? variables[name] : undefined);
  const url = renderTemplate(spec.url.trim(), (name) => urlPart(lookup(name)));
  const headers = spec.headers
    .filter((h) => h.name.trim() !== '')
    .map((h) => ({ name: h.name.trim(), value: renderTemplate(h.value, (name) => headerPart(lookup(name))) }));
  const hasBody = spec.body !== undefined && spec.body.trim() !== '' && spec.method !== 'GET';
  const body = hasBody ? fillJsonTemplate(spec.body!, lookup) : undefined;
  if (body !== undefined && !hasHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
  if (!hasHeader(headers, 'accept')) headers.push({ name: 'Accept', value: 'application/json' });

  const secrets = [...new Set([url, ...headers.map((h) => h.value), body ?? ''].flatMap(secretReferences))];
  const known = new Set(secretNames);
  return {
    method: spec.method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    timeoutMs: effectiveTimeoutMs(spec),
    maxResponseBytes: effectiveMaxResponseBytes(spec),
    secrets,
    missingSecrets: secrets.filter((name) => !known.has(name)),
  };
}
