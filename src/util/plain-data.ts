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
