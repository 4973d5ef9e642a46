import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { routes, type SetupDocument } from '@slt/shared';
import { describe, expect, it } from 'vitest';
import { cliSession, countsOf, expectSuccess, externalIds } from './cli-session.js';

// `slt import` of JSON, CSV and a large file, against this file's own API process (cli-session.ts).
const cli = cliSession();
const { slt, exportOf, reader } = cli;

describe('slt import: a JSON setup document', () => {
  it('imports it with progress and counts; the items exist in the API; a second run changes nothing', async () => {
    const first = await slt(['import', 'oppsett.json', '--municipality', '3401']);
    expectSuccess(first);
    expect(first.stderr).toMatch(/Importing oppsett\.json \(setup document, [\d.]+ (B|KB)\) into 3401/);
    expect(first.stderr).toMatch(/Uploading: 100 %/);
    expect(first.stderr).toContain('waiting for the server');
    expect(first.stdout).toContain('Imported into 3401:');
    expect(countsOf(first)).toEqual({ organizations: [2, 0, 0], members: [3, 0, 0], measures: [2, 0, 0], total: [7, 0, 0] });

    const document = await exportOf();
    expect(externalIds(document, 'organizations')).toEqual(expect.arrayContaining(['csv-skolen', 'cli-politiet']));
    expect(document.members!.find((m) => m.externalId === 'cli-m2')).toMatchObject({
      name: 'Petter Politisen',
      organization: 'cli-politiet',
      phone: '+47 000 00 010',
    });
    expect(document.measures!.find((m) => m.externalId === 'cli-t1')).toMatchObject({
      title: 'Natteravner i sentrum',
      status: 'active',
      responsibleMember: 'cli-m2',
    });
    const { items } = await reader().call(routes.listMembers, { params: { kommunenummer: '3401' } });
    expect(items.map((m) => m.name)).toEqual(expect.arrayContaining(['Hedda Hjelpsom', 'Petter Politisen', 'Ola Øvingsen']));
    expect(items.find((m) => m.name === 'Hedda Hjelpsom')).toMatchObject({
      email: 'hedda.hjelpsom@demo.invalid',
      emailPublic: true,
      roleTitle: 'Helsesykepleier',
    });

    const again = await slt(['import', 'oppsett.json', '--municipality', '3401']);
    expectSuccess(again);
    expect(again.stdout).toContain('nothing changed');
    expect(countsOf(again)).toEqual({ organizations: [0, 0, 2], members: [0, 0, 3], measures: [0, 0, 2], total: [0, 0, 7] });
    expect((await exportOf()).members!.length).toBe(document.members!.length);
  });

  it('--dry-run shows the plan (counts and each change) and writes nothing', async () => {
    const before = await exportOf();
    const changed = JSON.parse(readFileSync(path.join(cli.work, 'oppsett.json'), 'utf8')) as SetupDocument;
    changed.members![0] = { ...changed.members![0]!, roleTitle: 'Helsesøster' };
    changed.members!.push({ externalId: 'cli-m4', name: 'Nina Nyansatt' });
    writeFileSync(path.join(cli.work, 'endret.json'), JSON.stringify(changed));

    const plan = await slt(['import', 'endret.json', '-m', '3401', '--dry-run']);
    expectSuccess(plan);
    expect(plan.stderr).toContain('Dry run: checking endret.json');
    expect(plan.stdout).toContain('Dry run for 3401: nothing was written.');
    expect(countsOf(plan)).toMatchObject({ members: [1, 1, 2], organizations: [0, 0, 2], measures: [0, 0, 2] });
    expect(plan.stdout).toMatch(/^update +members +cli-m1 +roleTitle$/m);
    expect(plan.stdout).toMatch(/^create +members +cli-m4 +\(new\)$/m);
    expect(await exportOf()).toEqual(before);

    // Without --dry-run it does exactly that.
    const applied = await slt(['import', 'endret.json', '-m', '3401']);
    expectSuccess(applied);
    expect(countsOf(applied)).toMatchObject({ members: [1, 1, 2] });
    const after = await exportOf();
    expect(after.members!.find((m) => m.externalId === 'cli-m1')!.roleTitle).toBe('Helsesøster');
    expect(externalIds(after, 'members')).toContain('cli-m4');
  });

  it('a file with invalid items: exit 1, a table of every pointer and reason, nothing written', async () => {
    const before = await exportOf();
    const run = await slt(['import', 'ugyldig.json', '--municipality', '3401']);
    expect(run.code, run.output).toBe(1);
    expect(run.stderr).toContain(
      'the server refused the request: Invalid document (422): 2 problems in the document: nothing was imported.',
    );
    expect(run.stderr).toMatch(/^pointer +problem$/m);
    expect(run.stderr).toMatch(/^\/members\/1\/email +must match format "email"$/m);
    expect(run.stderr).toMatch(/^\/members\/3\/name +is required$/m);
    expect(run.stderr).toMatch(/Request id: \S+/);
    expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
    expect(run.stdout).toBe('');
    const after = await exportOf();
    expect(after).toEqual(before);
    expect(externalIds(after, 'members').filter((id) => id.startsWith('bad-'))).toEqual([]);
  });
});

describe('slt import: CSV as Excel in a Norwegian locale saves it', () => {
  it('imports members and measures (semicolon, BOM, CRLF, æøå), telling what the rows are by the header', async () => {
    const file = readFileSync(path.join(cli.work, 'medlemmer-excel-nb.csv'));
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.toString('utf8')).toContain(';');
    expect(file.toString('utf8')).toContain('\r\n');

    const members = await slt(['import', 'medlemmer-excel-nb.csv', '--municipality', '3401']);
    expectSuccess(members);
    expect(members.stderr).toContain('(members CSV, guessed from its header');
    expect(countsOf(members)).toEqual({ members: [3, 0, 0] });
    const { items } = await reader().call(routes.listMembers, { params: { kommunenummer: '3401' } });
    expect(items.map((m) => m.name)).toEqual(expect.arrayContaining(['Åse Ærlighet', 'Øystein Prøvesen', 'Kåre Fiktiv-Bø']));
    expect(items.find((m) => m.name === 'Øystein Prøvesen')!.roleTitle).toBe('Leder; forebyggende tjenester');

    // --entity given; the file name says nothing.
    cpSync(path.join(cli.work, 'tiltak-excel-nb.csv'), path.join(cli.work, 'data.csv'));
    const measures = await slt(['import', 'data.csv', '--municipality', '3401', '--entity', 'measures']);
    expectSuccess(measures);
    expect(countsOf(measures)).toEqual({ measures: [2, 0, 0] });
    expect((await exportOf()).measures!.find((m) => m.externalId === 'csv-tiltak-1')).toMatchObject({
      title: 'Leksehjelp på fritidsklubben',
      status: 'active',
      startDate: '2025-08-15',
      responsibleMember: 'csv-1',
    });

    const again = await slt(['import', 'medlemmer-excel-nb.csv', '--municipality', '3401']);
    expect(countsOf(again)).toEqual({ members: [0, 0, 3] });
  });

  it('a bad row is shown by its spreadsheet row and column; a CSV it cannot place needs --entity', async () => {
    writeFileSync(path.join(cli.work, 'folk.csv'), '\uFEFFEkstern id;Navn;E-post\r\nx1;Ok Person;ok@demo.invalid\r\nx2;;ikke-epost\r\n');
    const run = await slt(['import', 'folk.csv', '-m', '3401']);
    expect(run.code, run.output).toBe(1);
    expect(run.stderr).toMatch(/^row +column +pointer +problem$/m);
    expect(run.stderr).toMatch(/^3 +email +\/members\/1\/email +must match format "email"$/m);
    expect(run.stderr).toMatch(/^3 +name +\/members\/1\/name +is required$/m);

    writeFileSync(path.join(cli.work, 'ukjent.csv'), 'a;b\r\n1;2\r\n');
    const unknown = await slt(['import', 'ukjent.csv', '-m', '3401']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell whether ukjent.csv holds members or measures: add --entity members or --entity measures');
  });
});

describe('a large file', () => {
  it('is streamed with a progress line every 10 % (stderr is not a terminal), then the plan capped at 50 changes', async () => {
    const members = Array.from({ length: 20_000 }, (_, i) => ({
      externalId: `mange-${i}`,
      name: `Fiktiv Person ${i}`,
      email: `fiktiv.${i}@demo.invalid`,
      roleTitle: 'Deltaker',
    }));
    writeFileSync(path.join(cli.work, 'mange.json'), JSON.stringify({ format: 'slt-setup/1', members }, null, 2));
    const run = await slt(['import', 'mange.json', '-m', '3401', '--dry-run']);
    expectSuccess(run);
    const percents = [...run.stderr.matchAll(/^Uploading: +(\d+) % +([\d.]+) MB \/ ([\d.]+) MB$/gm)].map((m) => Number(m[1]));
    expect(percents.length, run.stderr).toBeGreaterThanOrEqual(9);
    expect(percents.length).toBeLessThanOrEqual(11);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(run.stderr).toMatch(/^Sent [\d.]+ MB; waiting for the server…$/m);
    expect(countsOf(run)).toMatchObject({ members: [20_000, 0, 0] });
    expect(run.stdout).toContain('Planned changes (the first 50 of 20000):');
    expect(run.stdout.match(/^create +members +mange-\d+ +\(new\)$/gm)).toHaveLength(50);
    expect(run.stdout).toContain('… and 19950 more');
    expect(externalIds(await exportOf(), 'members').some((id) => id.startsWith('mange-'))).toBe(false);
  });
});
