#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by npm before anything is compiled */
/**
 * Run after `npm install` / `npm ci` (the postinstall script): loads better-sqlite3 and opens an
 * in-memory database, so an addon built against another Node's headers fails the install, with the
 * cause and the fix, instead of the service at start-up. `node scripts/node/checkNative.cjs <module>`
 * checks another module in its place (the tests use it to play a mismatched build).
 */
const { join } = require('node:path');
const { explainNativeLoadFailure } = require('./nativeAddon.cjs');

const target = process.argv[2] || 'better-sqlite3';
try {
  const Database = require(require.resolve(target, { paths: [join(__dirname, '..', '..')] }));
  new Database(':memory:').close();
} catch (error) {
  console.error(explainNativeLoadFailure(error) || `${target} does not load: ${error && error.stack}`);
  process.exit(1);
}
