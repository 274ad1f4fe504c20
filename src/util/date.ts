// Calendar dates as copyfair writes them: `YYYY-MM-DD`, a day that exists.

/** True for a `YYYY-MM-DD` date whose day exists (no 2026-02-30, no 2026-13-01). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = new Date(`${value}T00:00:00Z`).getTime();
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
