import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, routes, type SetupDocument } from '@slt/shared';
import { spawnGroup } from '@slt/testing/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, freePort, startApi, type ApiServer } from './api-server.js';
import { env } from './env.js';
import { collect, REPO_ROOT, runCli, type CliRun } from './run-cli.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

let api: ApiServer;
/** The user's directory: relative paths given to the CLI resolve here. */
let work: string;
const tokens = { import3401: '', read3401: '', import1547: '' };

beforeAll(async () => {
  api = await startApi();
  const [import3401, read3401, import1547] = await Promise.all([
    createToken(api.baseUrl, 'koordinator.3401@demo.invalid', '3401', ['import']),
    createToken(api.baseUrl, 'koordinator.3401@demo.invalid', '3401', ['read']),
    createToken(api.baseUrl, 'koordinator.1547@demo.invalid', '1547', ['import']),
  ]);
  Object.assign(tokens, { import3401, read3401, import1547 });
  work = mkdtempSync(path.join(tmpdir(), 'slt-cli-work-'));
  cpSync(fixtures, work, { recursive: true });
});
afterAll(async () => {
  await api?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `pnpm slt …` from the work directory, against the test API, with a token. */
const slt = (args: string[], token: string | null = tokens.import3401) =>
  runCli(args, { from: work, env: { SLT_API_URL: api.baseUrl, ...(token === null ? {} : { SLT_TOKEN: token }) } });

/** The counts table of an import's output: kind → [created, updated, unchanged]. */
function countsOf(run: CliRun): Record<string, [number, number, number]> {
  const counts: Record<string, [number, number, number]> = {};
  for (const match of run.stdout.matchAll(
    /^(organizations|members|tiers|target groups|focus areas|goals|measures|meetings|total) +(\d+) +(\d+) +(\d+)$/gm,
  )) {
    counts[match[1]!] = [Number(match[2]), Number(match[3]), Number(match[4])];
  }
  return counts;
}

/** Reads through the API with the read token (the typed client from @slt/shared). */
const reader = () => createClient({ baseUrl: api.baseUrl, token: tokens.read3401 });
const exportOf = (kommunenummer = '3401') => reader().call<typeof routes.exportSetup>(routes.exportSetup, { params: { kommunenummer } });
const externalIds = (document: SetupDocument, section: 'organizations' | 'members' | 'measures') =>
  (document[section] ?? []).map((item) => item.externalId);
const expectSuccess = (run: CliRun) => expect(run.code, run.output).toBe(0);

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
    const changed = JSON.parse(readFileSync(path.join(work, 'oppsett.json'), 'utf8')) as SetupDocument;
    changed.members![0] = { ...changed.members![0]!, roleTitle: 'Helsesøster' };
    changed.members!.push({ externalId: 'cli-m4', name: 'Nina Nyansatt' });
    writeFileSync(path.join(work, 'endret.json'), JSON.stringify(changed));

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
    const file = readFileSync(path.join(work, 'medlemmer-excel-nb.csv'));
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
    cpSync(path.join(work, 'tiltak-excel-nb.csv'), path.join(work, 'data.csv'));
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
    writeFileSync(path.join(work, 'folk.csv'), '\uFEFFEkstern id;Navn;E-post\r\nx1;Ok Person;ok@demo.invalid\r\nx2;;ikke-epost\r\n');
    const run = await slt(['import', 'folk.csv', '-m', '3401']);
    expect(run.code, run.output).toBe(1);
    expect(run.stderr).toMatch(/^row +column +pointer +problem$/m);
    expect(run.stderr).toMatch(/^3 +email +\/members\/1\/email +must match format "email"$/m);
    expect(run.stderr).toMatch(/^3 +name +\/members\/1\/name +is required$/m);

    writeFileSync(path.join(work, 'ukjent.csv'), 'a;b\r\n1;2\r\n');
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
    writeFileSync(path.join(work, 'mange.json'), JSON.stringify({ format: 'slt-setup/1', members }, null, 2));
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

describe('slt export', () => {
  it('exports to a file (relative to the user’s directory) that imports again unchanged; also to stdout, and CSV', async () => {
    const exported = await slt(['export', '--municipality', '3401', '--out', 'eksport.json'], tokens.read3401);
    expectSuccess(exported);
    expect(exported.stderr).toMatch(/Exported the setup of 3401 to .*eksport\.json \([\d.]+ KB\)/);
    const file = JSON.parse(readFileSync(path.join(work, 'eksport.json'), 'utf8')) as SetupDocument;
    expect(file).toEqual(await exportOf());
    expect(readdirSync(work).filter((name) => name.includes('partial'))).toEqual([]);

    const reimported = await slt(['import', 'eksport.json', '-m', '3401']);
    expectSuccess(reimported);
    expect(reimported.stdout).toContain('nothing changed');
    const counts = countsOf(reimported);
    expect(counts['total']![0] + counts['total']![1]).toBe(0);
    expect(counts['members']![2]).toBe(file.members!.length);

    const stdout = await slt(['export', '-m', '3401'], tokens.read3401);
    expectSuccess(stdout);
    expect(JSON.parse(stdout.stdout)).toEqual(file);

    const csv = await slt(['export', '-m', '3401', '--format', 'members.csv', '--out', 'medlemmer-eksport.csv'], tokens.read3401);
    expectSuccess(csv);
    const text = readFileSync(path.join(work, 'medlemmer-eksport.csv'), 'utf8');
    expect(text.startsWith('\uFEFFEkstern id;Navn;Stilling')).toBe(true);
    const again = await slt(['import', 'medlemmer-eksport.csv', '-m', '3401']);
    expectSuccess(again);
    expect(countsOf(again)['members']).toEqual([0, 0, file.members!.length]);

    const english = await slt(['export', '-m', '3401', '--format', 'measures.csv', '--language', 'en'], tokens.read3401);
    expectSuccess(english);
    expect(english.stdout.split('\r\n')[0]).toBe(
      '\uFEFFexternalId;title;description;status;startDate;endDate;responsibleOrganization;responsibleMember;decidedByTier;evidenceLevel;isPublic;targetGroups;focusAreas;goals',
    );
  });
});

describe('failures', () => {
  it('no token: exit 2 and says how to give one; a token as an option is refused', async () => {
    const run = await slt(['import', 'oppsett.json', '-m', '3401'], null);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no API token: set SLT_TOKEN');
    const flag = await slt(['import', 'oppsett.json', '-m', '3401', `--token=${tokens.import3401}`], null);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('set the environment variable SLT_TOKEN');
    expect(flag.output).not.toContain(tokens.import3401);
  });

  it('a token of another municipality: the 403 (import) or 404 (export) problem is shown, exit 1, the token never printed', async () => {
    const before = await exportOf();
    const run = await slt(['import', 'oppsett.json', '-m', '3401'], tokens.import1547);
    expect(run.code, run.output).toBe(1);
    expect(run.stderr).toContain('Forbidden (403): The token belongs to another municipality.');
    expect(run.output).not.toContain(tokens.import1547);
    expect(await exportOf()).toEqual(before);

    const exported = await slt(['export', '-m', '1547'], tokens.read3401);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('Not found (404)');
    expect(exported.stdout).toBe('');
  });

  it('usage errors exit 2: a missing file, a bad municipality, --entity on JSON, an unknown option', async () => {
    const cases: [string[], string][] = [
      [['import', 'finnes-ikke.json', '-m', '3401'], `no such file: ${path.join(work, 'finnes-ikke.json')}`],
      [['import', 'oppsett.json', '-m', '34'], '--municipality must be a kommunenummer of 4 digits'],
      [['import', 'oppsett.json'], 'say which municipality'],
      [['import', 'oppsett.json', '-m', '3401', '--entity', 'members'], '--entity is for CSV files'],
      [['import', 'oppsett.json', '-m', '3401', '--fast'], 'unknown option --fast'],
      [['export', '-m', '3401', '--format', 'xml'], '--format must be json or members.csv or measures.csv'],
      [['frobnicate'], 'unknown command "frobnicate"'],
    ];
    for (const [args, message] of cases) {
      const run = await slt(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr).toContain('pnpm slt --help');
    }
    const help = await slt(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pnpm slt import FILE.json|FILE.csv --municipality 3401');
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 +done\n {2}1 +the server refused/);
  });

  it('an API that cannot be reached: retried, then exit 3', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(['import', 'oppsett.json', '-m', '3401', '--api', closed], {
      from: work,
      env: { SLT_TOKEN: tokens.import3401 },
    });
    expect(run.code, run.output).toBe(3);
    expect(
      run.stderr.match(/^Network error \(ECONNREFUSED\); trying again in [\d.]+ s \(retry \d of 6, same Idempotency-Key\)…$/gm),
    ).toHaveLength(6);
    expect(run.stderr).toContain(`slt: could not reach the API at ${closed}: connection refused`);
  });
});

describe('pnpm slt', () => {
  it.skipIf(!env.pnpmExecPath)(
    'runs from the repository root with paths relative to where it was typed (needs the tests run by pnpm)',
    async () => {
      const child = spawnGroup(
        process.execPath,
        [env.pnpmExecPath!, '--silent', '--dir', REPO_ROOT, 'slt', 'export', '-m', '3401', '-o', 'via-pnpm.json'],
        {
          cwd: work,
          env: { ...env.inherited, SLT_API_URL: api.baseUrl, SLT_TOKEN: tokens.read3401 },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const run = await collect(child);
      expectSuccess(run);
      expect(existsSync(path.join(work, 'via-pnpm.json'))).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, 'via-pnpm.json'))).toBe(false);
    },
  );
});
