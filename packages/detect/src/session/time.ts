/**
 * Milliseconds of an ISO 8601 time, exactly as `Date.parse` reads it, but without `Date.parse`'s cost for
 * the form every clock writes (`toISOString`: `2026-07-05T10:00:00.000Z`, milliseconds optional). A payer's
 * history re-reads up to 20 such times at each transfer; `Date.parse` was most of the engine's time there.
 * Any other form (an offset, hour 24, an impossible date) is left to `Date.parse`.
 * @example isoMs("2026-07-05T10:00:00Z") === Date.parse("2026-07-05T10:00:00Z") // true
 */
export function isoMs(text: string): number {
  const n = text.length;
  if (
    (n === 20 || n === 24) &&
    text.charCodeAt(n - 1) === 90 && // Z
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58 &&
    (n === 20 || text.charCodeAt(19) === 46) // .
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const ms = n === 24 ? digits(text, 20, 3) : 0;
    if (
      year >= 1000 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysIn(year, month) &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      ms >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(text);
}

/** The number written by `length` ASCII digits from `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
