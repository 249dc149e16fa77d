/**
 * Luhn (mod 10) check of a string of digits, as used by payment card numbers.
 * @example luhnValid("6222021234567890128") // true only if its check digit is right
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * A plausible payment card number: 16–19 digits passing Luhn, with a known issuer prefix
 * (62 China UnionPay, 4 Visa, 51–55/22–27 Mastercard, 35 JCB, 34/37 Amex is 15 so excluded).
 * @example isCardNumber("6217000010012345674") // depends on Luhn
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 16 || digits.length > 19) return false;
  if (!/^(?:62|4|5[1-5]|2[2-7]|35|60|9)/.test(digits)) return false;
  return luhnValid(digits);
}
