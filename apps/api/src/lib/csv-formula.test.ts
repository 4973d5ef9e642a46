import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './csv-formula.js';

describe('CSV formula neutralisation', () => {
  const dangerous = ['=HYPERLINK("http://x","klikk")', '+47 12345678', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "'=1+1", "''-x"];
  const harmless = ['Rektor', "'sitat'", 'a=b', '', '47 12345678'];

  it('prefixes every cell a spreadsheet would run, and nothing else', () => {
    for (const text of dangerous) expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of harmless) expect(neutraliseFormula(text), JSON.stringify(text)).toBe(text);
  });

  it('reads every exported cell back to the original text', () => {
    for (const text of [...dangerous, ...harmless]) expect(restoreFormula(neutraliseFormula(text)), JSON.stringify(text)).toBe(text);
  });
});
