/** English the TypeScript and the docs output share. */

/** `1 operation`, `2 operations`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
