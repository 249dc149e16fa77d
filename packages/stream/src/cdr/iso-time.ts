/**
 * Start times: epoch milliseconds (all digits) or ISO 8601 (`2026-12-01T08:15:30Z`, fractions,
 * `±HH:MM`/`±HHMM` offsets, a space instead of `T`; no offset = UTC). The common shapes are read digit by
 * digit (Date.parse costs ~10× more); anything else falls back to Date.parse. NaN when unreadable.
 */

const d2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
};

let cachedDatePrefix = "";
let cachedDateMs = Number.NaN;

function dateMs(s: string): number {
  // Rows of one feed share their date: remember the last one.
  if (s.startsWith(cachedDatePrefix) && cachedDatePrefix.length === 10) return cachedDateMs;
  const y = d2(s, 0) * 100 + d2(s, 2);
  const m = d2(s, 5);
  const d = d2(s, 8);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d) return Number.NaN;
  cachedDatePrefix = s.slice(0, 10);
  cachedDateMs = ms;
  return ms;
}

/**
 * @example parseStartTime("2026-12-01T08:15:30Z") // 1796112930000
 * @example parseStartTime("1796112930000") // 1796112930000
 */
export function parseStartTime(s: string): number {
  const n = s.length;
  if (n === 0) return Number.NaN;
  const c0 = s.charCodeAt(0);
  if (n >= 10 && n <= 16 && s.charCodeAt(4) !== 45) {
    // Epoch milliseconds.
    let v = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return Number.NaN;
      v = v * 10 + c;
    }
    return v;
  }
  if (n < 19 || c0 < 48 || c0 > 57 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    const parsed = Date.parse(s);
    return parsed;
  }
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return Date.parse(s);
  const day = dateMs(s);
  const hh = d2(s, 11);
  const mm = d2(s, 14);
  const ss = d2(s, 17);
  if (!(hh <= 23 && mm <= 59 && ss <= 60) || Number.isNaN(day)) return Number.NaN;
  let i = 19;
  let frac = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (i < n) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      frac += c * scale;
      scale /= 10;
      i++;
    }
    frac = Math.floor(frac);
  }
  let offsetMs = 0;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 && i === n - 1) offsetMs = 0;
    else if ((z === 43 || z === 45) && (n - i === 6 || n - i === 5)) {
      const oh = d2(s, i + 1);
      const om = d2(s, n - i === 6 ? i + 4 : i + 3);
      if (Number.isNaN(oh) || Number.isNaN(om)) return Number.NaN;
      offsetMs = (z === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
    } else return Number.NaN;
  }
  return day + hh * 3_600_000 + mm * 60_000 + ss * 1000 + frac - offsetMs;
}
