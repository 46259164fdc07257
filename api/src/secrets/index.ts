export { createSecretVault, type SecretInfo, type SecretVault, type UsedSecret } from './vault';
export { hostAllowed, normalizeHost, SecretHostError, SECRET_HOST_RE } from './secretHosts';
export { redactSecrets, secretForms } from './redact';
export { resolveRequest } from './resolveRequest';
export { loadSecretKey, parseSecretKey, SECRET_KEY_FILE } from './secretKey';
export { MissingSecretsError, SecretKeyMismatchError } from './errors';
export { createSecretCipher, type SecretCipher } from './cipher';
