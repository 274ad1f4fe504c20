// Values kept between scans as JSON (src/scan/reading-cache.ts) must read back as they were made:
// JSON drops an object's undefined fields and turns an array's into null.

/** `value` with every undefined object field removed, in place (arrays never hold undefined here). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) withoutUndefined(item);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) delete record[key];
      else withoutUndefined(record[key]);
    }
  }
  return value;
}

/**
 * A value read from a document, as text for a message or a comparison: strings, numbers and
 * booleans as themselves, anything else as its JSON (at most `length` characters). Never through
 * `String()`: a parsed object may carry its own `toString` key (`{"toString": ""}`), and String()
 * of it throws ("Cannot convert object to primitive value").
 */
export function shownValue(value: unknown, length = 40): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return '';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return (json ?? typeof value).slice(0, length);
}
