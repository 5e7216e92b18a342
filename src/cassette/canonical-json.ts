/**
 * Deterministic JSON text for matching: object keys sorted (by UTF-16 code units, like
 * `Array.prototype.sort`), arrays kept in order, no whitespace. Two values that are equal as JSON
 * give the same text whatever order their keys were written in. Like `JSON.stringify`, object
 * members whose value is `undefined` are left out and `undefined` array items become `null`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // `undefined` (and functions) have no JSON form; at the top level they stand for "no body".
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}
