import { pathsOf, SchemaCollector } from './fromContract';
import { contractRoutes } from '../contract';

/** The OpenAPI 3.1 document, generated from the contract (api/src/contract). */
export function buildOpenApiDocument(serverUrl: string | null = null) {
  const routes = contractRoutes();
  const schemas = new SchemaCollector();
  const paths = pathsOf(routes, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: '0.1.0',
      description:
        'Errors are `{error: {code, message, details: [{path, message}]}}`. Cookie-authenticated changes need the `X-CSRF-Token` header from sign-in.',
    },
    servers: [{ url: serverUrl ?? '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
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
