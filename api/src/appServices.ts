import type { AppDeps } from './deps';
import { createOutboundClient, type OutboundClient } from './outbound';
import { createSecretVault, loadSecretKey, type SecretVault } from './secrets';
import { fileModelStore, type FlowModelStore } from './intentModels/modelStore';

declare module './deps' {
  interface AppDeps {
    /** Where published versions' intent models live; defaults to files under DATA_DIR/models. */
    models?: FlowModelStore;
    /** Sends flow HTTP requests; tests inject one with a loopback-only connector. */
    outbound?: OutboundClient;
  }
}

type Deps = Pick<AppDeps, 'config' | 'logger' | 'stores' | 'models' | 'outbound' | 'secrets'>;

// One of each per configuration, shared by the routers and the chat runtime of one app.
const modelStores = new Map<string, FlowModelStore>();
const outboundClients = new WeakMap<object, OutboundClient>();
const vaults = new WeakMap<object, SecretVault>();

export function modelStoreOf(deps: Deps): FlowModelStore {
  if (deps.models) return deps.models;
  let store = modelStores.get(deps.config.dataDir);
  if (!store) modelStores.set(deps.config.dataDir, (store = fileModelStore(deps.config.dataDir)));
  return store;
}

export function outboundOf(deps: Deps): OutboundClient {
  if (deps.outbound) return deps.outbound;
  let client = outboundClients.get(deps.config);
  if (!client) outboundClients.set(deps.config, (client = createOutboundClient({ allowlist: deps.config.httpAllowlist, logger: deps.logger })));
  return client;
}

export function vaultOf(deps: Deps): SecretVault {
  if (deps.secrets) return deps.secrets;
  let vault = vaults.get(deps.stores.secrets);
  if (!vault) {
    vault = createSecretVault(deps.stores.secrets, () => loadSecretKey(deps.config.secretKey, deps.config.dataDir));
    vaults.set(deps.stores.secrets, vault);
  }
  return vault;
}
