export { createOutboundClient, type OutboundClient, type OutboundClientOptions } from './outboundClient';
export type { OpenRequest, OpenResult, OutboundErrorKind, OutboundRequest, OutboundResult } from './types';
export { classifyAddress, type AddressVerdict } from './addressPolicy';
export { allowlistEntryProblem, createAllowlist, splitAllowlist, type Allowlist } from './allowlist';
export { systemResolver, type Resolver, type ResolvedAddress } from './resolver';
export type { Connector } from './guardedConnector';
export { MAX_REDIRECTS } from './redirects';
