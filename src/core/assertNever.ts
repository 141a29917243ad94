/** Exhaustiveness check for discriminated unions: the compiler errors if a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
