/**
 * Own data properties set by definition, never through a setter (`__proto__`'s included):
 * writable and configurable like an assigned one. One helper, so a bundle spells the property
 * descriptor once rather than at every place that needs it.
 */
export function defineValue(target: object, key: PropertyKey, value: unknown, enumerable: boolean): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
}
