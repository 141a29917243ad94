import * as nodeModule from 'node:module';
import { join } from 'node:path';

/**
 * Keeps V8's compiled code for the service's modules between starts (Node 22.1 and later; Node 20 has
 * no such cache and starts as before): compiling the same few hundred modules again is a fifth of a
 * start from a snapshot. Kept in this install's node_modules/.cache, which belongs to whoever installed
 * it, never in a shared temporary folder; where it cannot be written Node goes on without it. An
 * operator's NODE_COMPILE_CACHE takes precedence. Imported first by main.ts, before what it caches.
 */
if (!process.env['NODE_COMPILE_CACHE'])
  (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache?.(
    join(__dirname, '..', '..', 'node_modules', '.cache', 'ocop-compile-cache'),
  );
