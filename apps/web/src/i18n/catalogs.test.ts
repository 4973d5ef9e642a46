import { describe, expect, it } from 'vitest';
import { en } from './en';
import { exchangeNb } from './exchange/nb';
import { meetingsNb } from './meetings/nb';
import { nb as bundled } from './nb';
import { nn } from './nn';
import { plansNb } from './plans/nb';
import { reportsNb } from './reports/nb';

/** The whole bokmål catalog: the bundled texts and those that load with their pages (pages.ts). */
const nb = { ...bundled, ...meetingsNb, ...exchangeNb, ...plansNb, ...reportsNb };

const keys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? keys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('message catalogs', () => {
  it('nb, nn and en have exactly the same keys', () => {
    expect(keys(nn).sort()).toEqual(keys(nb).sort());
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });

  it('nynorsk is not a copy of bokmål', () => {
    const same = keys(nb).filter((key) => {
      const get = (o: object) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o);
      return get(nb) === get(nn);
    });
    expect(same.length / keys(nb).length).toBeLessThan(0.6);
  });
});
