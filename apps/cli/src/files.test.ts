import { describe, expect, it } from 'vitest';
import { guessEntity, headerCells, kindOf } from './files.js';

describe('kindOf', () => {
  it('goes by the extension, else by the first character', () => {
    expect(kindOf('a/oppsett.json', 'x')).toBe('json');
    expect(kindOf('Medlemmer.CSV', '{')).toBe('csv');
    expect(kindOf('eksport', '  {"format": "slt-setup/1"')).toBe('json');
    expect(kindOf('eksport', 'Ekstern id;Navn')).toBe('csv');
  });
});

describe('guessEntity', () => {
  it('reads the header (Norwegian or English, ; or ,, quoted), then the file name', () => {
    expect(headerCells('"Ekstern id";"Navn";Stilling\r\ncsv-1;Åse;Rektor')).toEqual(['ekstern id', 'navn', 'stilling']);
    expect(guessEntity('data.csv', 'Ekstern id;Navn;Stilling\r\n')).toEqual({ entity: 'members', from: 'header' });
    expect(guessEntity('data.csv', 'externalId,title,status\n')).toEqual({ entity: 'measures', from: 'header' });
    expect(guessEntity('data.csv', 'Ekstern id;Tittel;Beskrivelse\r\n')).toEqual({ entity: 'measures', from: 'header' });
    expect(guessEntity('/x/medlemmer-2026.csv', 'a;b\r\n')).toEqual({ entity: 'members', from: 'file name' });
    expect(guessEntity('Tiltak.csv', 'a;b\r\n')).toEqual({ entity: 'measures', from: 'file name' });
    expect(guessEntity('data.csv', 'a;b\r\n')).toBeUndefined();
    // The header wins over the name.
    expect(guessEntity('tiltak.csv', 'id;navn\n')).toEqual({ entity: 'members', from: 'header' });
  });
});
