export * from './errors';
export * from './assertNever';
export * from './decider';
export * from './json';
