import { secretPlaceholder } from '../../../runtime/src/http';

/**
 * A provider's API key is a secret in the vault (encrypted at rest, bound to the provider's host,
 * listed on the Secrets tab by name only). The settings never hold it, and no API returns it.
 */
export function apiKeySecretName(providerId: string): string {
  return `LLM_KEY_${providerId.toUpperCase()}`;
}

export const apiKeyPlaceholder = (providerId: string): string => secretPlaceholder(apiKeySecretName(providerId));
