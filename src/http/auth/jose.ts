import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

/**
 * jose 6 ships ES modules only, and this package compiles to CommonJS. Node 20.19+ can require()
 * an ES module, but TypeScript refuses a static import of one from CommonJS, so the types come
 * from a type-only import and the module from require (Jest transpiles jose, see jest.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose: typeof Jose = require('jose');
