import { describe, expect, it } from 'vitest';
import { csvRowOf, guessFileKind } from './file-kind';

describe('guessFileKind', () => {
  it('tells JSON from CSV by the extension, then by the first character', () => {
    expect(guessFileKind('oppsett.json', '')).toEqual({ format: 'json', entity: null });
    expect(guessFileKind('export', '  {"format": "slt-setup/1"}')).toEqual({ format: 'json', entity: null });
    expect(guessFileKind('liste.txt', 'Navn;E-post')).toEqual({ format: 'csv', entity: 'members' });
  });

  it('guesses what CSV rows are from the file name, then from the header (bokmål, nynorsk, English; BOM, quotes)', () => {
    expect(guessFileKind('slt-3401-members-2026-11-23.csv', 'Tittel')).toMatchObject({ entity: 'members' });
    expect(guessFileKind('Personer.CSV', '')).toMatchObject({ entity: 'members' });
    expect(guessFileKind('tiltak 2026.csv', '')).toMatchObject({ entity: 'measures' });
    expect(guessFileKind('data.csv', '\uFEFFEkstern id;Tittel;Status\r\nx;y;z')).toMatchObject({ entity: 'measures' });
    expect(guessFileKind('data.csv', '"Ekstern id";"Namn"\n')).toMatchObject({ entity: 'members' });
    expect(guessFileKind('data.csv', 'externalId,name,email')).toMatchObject({ entity: 'members' });
    expect(guessFileKind('data.csv', 'a;b;c')).toEqual({ format: 'csv', entity: null });
  });
});

describe('csvRowOf', () => {
  it('counts the header as line 1', () => {
    expect(csvRowOf('/members/0/email')).toBe(2);
    expect(csvRowOf('/measures/41')).toBe(43);
    expect(csvRowOf('/members')).toBeNull();
    expect(csvRowOf('')).toBeNull();
  });
});
