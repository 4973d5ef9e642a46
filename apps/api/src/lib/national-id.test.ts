import { describe, expect, it } from 'vitest';
import { containsNationalIdNumber, isNationalIdNumber, refuseNationalIds } from './national-id.js';

// Check digits worked out by hand from the published weights (3 7 6 1 8 9 4 5 2 / 5 4 3 2 7 6 5 4 3 2).
const FNR = '01019012480';
const DNR = '41019012474';

describe('national identity numbers', () => {
  it('accepts valid fødselsnummer and D-nummer', () => {
    expect(isNationalIdNumber(FNR)).toBe(true);
    expect(isNationalIdNumber(DNR)).toBe(true);
  });

  it('refuses a wrong check digit, an impossible date and other lengths', () => {
    expect(isNationalIdNumber('01019012481')).toBe(false);
    expect(isNationalIdNumber('01019012470')).toBe(false);
    expect(isNationalIdNumber('01139012480')).toBe(false); // month 13
    expect(isNationalIdNumber('0101901248')).toBe(false);
    expect(isNationalIdNumber('00000000000')).toBe(false);
  });

  it('finds one in free text, also split after the date, but not inside longer numbers', () => {
    expect(containsNationalIdNumber(`Gjelder ${FNR}.`)).toBe(true);
    expect(containsNationalIdNumber('Gjelder 010190 12480')).toBe(true);
    expect(containsNationalIdNumber('Gjelder 010190-12480')).toBe(true);
    expect(containsNationalIdNumber(`konto 9${FNR}`)).toBe(false);
    expect(containsNationalIdNumber('Møte 12.03.2026 kl. 10, sak 2026/12345')).toBe(false);
    expect(containsNationalIdNumber('tlf 40000000, org.nr 974760673')).toBe(false);
  });

  it('names the field that holds one', () => {
    expect(() => refuseNationalIds({ name: 'Ok', description: `om ${DNR}` })).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ name: 'description', pointer: '/description' })] }),
    );
    expect(() => refuseNationalIds({ name: 'Ok', description: undefined })).not.toThrow();
  });
});
