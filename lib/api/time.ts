/** ISO-8601 without milliseconds, as both contracts show ("2026-01-27T12:00:00Z"). */
export function isoSeconds(d: Date | null | undefined): string | null {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}
