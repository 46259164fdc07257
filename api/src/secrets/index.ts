export { createSecretVault, type SecretInfo, type SecretVault } from './vault';
export { resolveRequest } from './resolveRequest';
export { loadSecretKey, parseSecretKey, SECRET_KEY_FILE } from './secretKey';
export { MissingSecretsError, SecretKeyMismatchError } from './errors';
export { createSecretCipher, type SecretCipher } from './cipher';
