import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Explainer = typeof import('../../scripts/node/nativeAddon.cjs');

/**
 * The explanation the install check prints (scripts/node/nativeAddon.cjs: plain CommonJS, since it
 * runs before anything is compiled), loaded from the repository root, which src/ and dist/src/ share.
 */
function explainer(): Explainer {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  return require(join(dir, 'scripts', 'node', 'nativeAddon.cjs')) as Explainer;
}

/** Errors wrap the driver's as `cause`; a few levels reach it from any store. */
const MAX_CAUSES = 5;

/**
 * An error naming this Node, the ABI better-sqlite3 was built for and the fix, when `error` or one of
 * its causes is a native addon that did not load (built against another Node's headers); otherwise null.
 */
export function nativeAddonFailure(error: unknown): Error | null {
  let current = error;
  for (let depth = 0; current && depth <= MAX_CAUSES; depth++) {
    const explanation = explainer().explainNativeLoadFailure(current);
    if (explanation) return new Error(explanation, { cause: error });
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
