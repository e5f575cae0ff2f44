/**
 * Records and lookups keyed by names from the input (parameter, header, schema and field names),
 * which no stage may trust to be plain words.
 */

/**
 * A record without a prototype: `__proto__` is an ordinary key and `constructor` or `toString`
 * find nothing they should not. With `entries`, filled from them.
 */
export function ownKeysOnly<T>(entries?: Record<string, T>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  return entries ? Object.assign(record, entries) : record;
}

/**
 * The one name lookup of the model's joins (a WSDL parameter to its page, REST and OpenAPI docs, a
 * field to its schema doc): the item of exactly this name, else the first of the same name in
 * another case (pages write "personId" for `PersonId`).
 */
export function findByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  const wanted = name.toLowerCase();
  return items.find((item) => nameOf(item) === name) ?? items.find((item) => nameOf(item).toLowerCase() === wanted);
}

/** findByName over a record's own keys (`constructor` or `toString` never find Object.prototype's members). */
export function valueByName<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  if (Object.hasOwn(record, name)) return record[name];
  return findByName(Object.entries(record), name, ([key]) => key)?.[1];
}
