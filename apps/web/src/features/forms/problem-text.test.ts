import { FIELD_ERROR_CODES } from '@slt/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import { nn } from '../../i18n/nn';
import { problemKey } from './problem-text';

describe('field errors by code', () => {
  it('every code the API declares has its own message in nb, nn and en (none falls back to "invalid")', () => {
    for (const code of FIELD_ERROR_CODES) {
      const key = problemKey({ code });
      if (code !== 'invalid' && code !== 'format') expect(key, code).not.toMatch(/^(invalid|format)$/);
      for (const catalog of [nb, nn, en]) expect(catalog.problems[key], `${code} → ${key}`).toMatch(/\S/);
    }
  });

  it('a limit of one character reads as "cannot be empty"; an unknown code as "invalid"', () => {
    expect(problemKey({ code: 'too_short', limit: 1 })).toBe('empty');
    expect(problemKey({ code: 'too_short', limit: 3 })).toBe('too_short');
    expect(problemKey({ code: 'format:ipv6' })).toBe('format');
    expect(problemKey({ code: 'something_new' })).toBe('invalid');
    expect(problemKey({})).toBe('invalid');
  });
});
