export * from './schema';
export * from './run';
export * from './suite';
export * from './compare';
export * from './coverage';
export type { Visited, VisitedHandle } from './visited';
