import { componentSchemas } from './schemas';
import type { Paths } from './helpers';
import { authPaths } from './paths/auth';
import { userPaths } from './paths/users';
import { tokenPaths } from './paths/tokens';
import { settingsPaths } from './paths/settings';
import { secretPaths } from './paths/secrets';
import { flowPaths } from './paths/flows';
import { versionPaths } from './paths/versions';
import { flowTestPaths } from './paths/flowTests';
import { samplePaths } from './paths/samples';
import { openapiPaths } from './paths/openapi';
import { previewHttpPaths } from './paths/nlu';

export const corePaths: Paths[] = [authPaths, userPaths, tokenPaths, settingsPaths, secretPaths, flowPaths, versionPaths, flowTestPaths, samplePaths, openapiPaths, previewHttpPaths];

function mergePaths(groups: Paths[]): Paths {
  const merged: Paths = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) merged[path] = { ...merged[path], ...item };
  }
  return merged;
}

/** The OpenAPI 3.1 document for the core API plus whatever mounted routers document. */
export function buildOpenApiDocument(extra: Paths[] = [], serverUrl: string | null = null) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: '0.1.0',
      description:
        'Errors are `{error: {code, message, details: [{path, message}]}}`. Cookie-authenticated changes need the `X-CSRF-Token` header from sign-in.',
    },
    servers: [{ url: serverUrl ?? '/' }],
    tags: ['Accounts', 'API tokens', 'Settings', 'Secrets', 'Flows', 'Versions', 'Flow tests', 'Chat', 'Inbox', 'Meta'].map((name) => ({ name })),
    paths: mergePaths([...corePaths, ...extra]),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        cookieSession: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin' },
        chatSessionToken: { type: 'http', scheme: 'bearer', description: 'The sessionToken returned when a chat starts' },
      },
    },
  };
}
