import type { Paths } from './helpers';
import { pathsOf, SchemaCollector } from './fromContract';
import { contractRoutes } from '../contract';

function mergePaths(groups: Paths[]): Paths {
  const merged: Paths = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) merged[path] = { ...merged[path], ...item };
  }
  return merged;
}

/** The OpenAPI 3.1 document: generated from the contract, plus whatever mounted routers document. */
export function buildOpenApiDocument(extra: Paths[] = [], serverUrl: string | null = null) {
  const schemas = new SchemaCollector();
  const generated = pathsOf(contractRoutes(), schemas);
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
    paths: mergePaths([generated, ...extra]),
    components: {
      schemas: schemas.components,
      securitySchemes: {
        cookieSession: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin' },
        chatSessionToken: { type: 'http', scheme: 'bearer', description: 'The sessionToken returned when a chat starts' },
      },
    },
  };
}
