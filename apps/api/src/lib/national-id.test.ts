import { describe, expect, it } from 'vitest';
import { containsNationalIdNumber, isNationalIdNumber } from './national-id.js';
import { compileTextRules, textViolation } from './text-rules.js';

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

  it('text rules name the pointer of each string that breaks one, with its code', () => {
    const rules = compileTextRules({
      type: 'object',
      properties: {
        name: { type: 'string', 'x-text': 'line' },
        description: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        riskCriteria: { type: 'array', items: { type: 'string' } },
        status: { type: 'string', enum: ['a'] },
      },
    })!;
    expect(rules({ name: 'Ok', description: `om ${DNR}`, riskCriteria: ['ok', 'A\u0000B'], status: 'a' })).toEqual([
      { pointer: '/description', code: 'national_id', detail: expect.any(String) as string },
      { pointer: '/riskCriteria/1', code: 'control_character', detail: expect.any(String) as string },
    ]);
    expect(rules({ name: 'Ok', description: null })).toEqual([]);
    expect(compileTextRules({ type: 'object', properties: { limit: { type: 'integer' } } })).toBeNull();
  });

  it('one-line text refuses line breaks, text allows them; passwords are not searched for numbers', () => {
    expect(textViolation('line', 'a\nb')).toBe('control_character');
    expect(textViolation('text', 'a\r\n\tb')).toBeNull();
    expect(textViolation('text', 'a\u001bb')).toBe('control_character');
    expect(textViolation('secret', FNR)).toBeNull();
    expect(textViolation('secret', 'a\u0000')).toBe('control_character');
  });
});
