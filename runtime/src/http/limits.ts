import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_RESPONSE_BYTES_LIMIT,
  MAX_TIMEOUT_MS,
  type HttpRequestSpec,
} from './types';

const clamp = (value: number | undefined, fallback: number, max: number) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(1, Math.floor(value)));

/** The timeout a spec runs with: its own within (0, 30 s], else the default 5 s. */
export const effectiveTimeoutMs = (spec: Pick<HttpRequestSpec, 'timeoutMs'>) =>
  clamp(spec.timeoutMs, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);

/** The response size cap a spec runs with: its own within (0, 2 MB], else the default 256 KB. */
export const effectiveMaxResponseBytes = (spec: Pick<HttpRequestSpec, 'maxResponseBytes'>) =>
  clamp(spec.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES_LIMIT);
