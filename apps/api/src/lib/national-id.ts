const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * digits[i]!, 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

/**
 * Whether 11 digits are a valid Norwegian fødselsnummer or D-nummer (day + 40): a plausible
 * date and both mod-11 check digits right.
 */
export function isNationalIdNumber(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  if (!dayOk || month < 1 || month > 12) return false;
  const k1 = checkDigit(d, W1);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = checkDigit(d, W2);
  return k2 !== null && k2 === d[10];
}

/** 11 digits standing alone, also written as `DDMMYY XXXXX` or `DDMMYY-XXXXX`. */
const CANDIDATE = /(?<![0-9])([0-9]{6})[ .-]?([0-9]{5})(?![0-9])/g;

export function containsNationalIdNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (isNationalIdNumber(`${match[1]}${match[2]}`)) return true;
  }
  return false;
}
