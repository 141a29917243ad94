export interface NodeRuntime {
  readonly version: string;
  /** NODE_MODULE_VERSION: the ABI native addons must be built for. */
  readonly abi: string;
  readonly execPath: string;
  /** npm's nodedir setting, when npm runs the code. */
  readonly nodedir: string | null;
}

export function currentRuntime(): NodeRuntime;
export function isNativeLoadFailure(error: unknown): boolean;
export function explainNativeLoadFailure(error: unknown, runtime?: NodeRuntime): string | null;
