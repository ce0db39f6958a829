/** ISO-8601 without milliseconds, as both contracts show ("2026-01-27T12:00:00Z"). */
export function isoSeconds(d: Date | null | undefined): string | null {
  if (!d) return null;
  const second = Math.floor(d.getTime() / 1000);
  let iso = formatted.get(second);
  if (iso === undefined) {
    iso = d.toISOString().replace(/\.\d{3}Z$/, "Z");
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(second, iso);
  }
  return iso;
}

// The same timestamps are answered again and again (a list's page, a task polled until done), and
// formatting was 2.8 % of the CPU of the list (4 dates a task, 20 tasks a page): kept by second.
const FORMATTED_MAX = 4096;
const formatted = new Map<number, string>();
