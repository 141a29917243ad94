'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by npm before anything is compiled */
/**
 * What to say when better-sqlite3's native addon does not load: the check after `npm install`
 * (checkNative.cjs) and `ocop serve` both print this, so an operator reads the same cause and fix
 * whichever of them meets it first. Plain CommonJS, because it runs at install time, before anything
 * is compiled.
 */
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** NODE_MODULE_VERSION (the ABI a native addon is built for) of the Node lines an addon may meet. */
const NODE_OF_ABI = { 108: '18', 115: '20', 120: '21', 127: '22', 131: '23', 137: '24', 141: '25' };

const nodeOfAbi = (abi) => (NODE_OF_ABI[abi] ? ` (Node ${NODE_OF_ABI[abi]})` : '');

/** The Node running this code: its version, its ABI, its binary and npm's nodedir setting if any. */
function currentRuntime() {
  return {
    version: process.version,
    abi: process.versions.modules,
    execPath: process.execPath,
    nodedir: process.env.npm_config_nodedir || null,
  };
}

/** True for the errors of an addon that cannot be loaded: a failed dlopen, or no build at all. */
function isNativeLoadFailure(error) {
  const message = String(error && error.message);
  return (
    (error && error.code === 'ERR_DLOPEN_FAILED') ||
    /NODE_MODULE_VERSION/.test(message) ||
    /Could not locate the bindings file/.test(message)
  );
}

/**
 * The explanation of a native addon that failed to load, or null when `error` is something else (an
 * SQLite error, a missing directory). The ABI the addon was built for is read from Node's message
 * when it gives one ("compiled against … NODE_MODULE_VERSION 115. This version … requires … 137").
 */
function explainNativeLoadFailure(error, runtime = currentRuntime()) {
  if (!isNativeLoadFailure(error)) return null;
  const message = String(error.message);
  const built = /NODE_MODULE_VERSION (\d+)\./.exec(message);
  const file = /The module '([^']+)'/.exec(message);
  const root = dirname(dirname(runtime.execPath));
  const hasHeaders = existsSync(join(root, 'include', 'node', 'node.h'));
  const lines = [
    "better-sqlite3's native addon does not load under this Node, so the SQLite store cannot open.",
    `  this Node: ${runtime.version} (${runtime.execPath}), ABI ${runtime.abi}${nodeOfAbi(runtime.abi)}`,
    built
      ? `  the addon: built for ABI ${built[1]}${nodeOfAbi(built[1])}${file ? `: ${file[1]}` : ''}`
      : `  the error: ${message.split('\n')[0]}`,
  ];
  if (runtime.nodedir) lines.push(`  npm's nodedir setting: ${runtime.nodedir} (node-gyp builds against the headers there)`);
  lines.push(
    'Rebuild it for this Node, in the project folder:',
    hasHeaders
      ? `  npm_config_nodedir=${root} npm rebuild better-sqlite3`
      : '  npm_config_nodedir= npm rebuild better-sqlite3    (node-gyp fetches the headers of this Node)',
    'or install again with the Node that will run the service first on PATH (npm ci).',
  );
  return lines.join('\n');
}

module.exports = { explainNativeLoadFailure, isNativeLoadFailure, currentRuntime };
