import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SetupDocument } from '@slt/shared';
import { spawnGroup } from '@slt/testing/processes';
import { describe, expect, it } from 'vitest';
import { freePort } from './api-server.js';
import { cliSession, countsOf, expectSuccess } from './cli-session.js';
import { env } from './env.js';
import { collect, REPO_ROOT, runCli } from './run-cli.js';

// `slt export`, the failures a user meets, and `pnpm slt`, against this file's own API process
// (cli-session.ts), beside import.test.ts.
const cli = cliSession();
const { slt, exportOf } = cli;

describe('slt export', () => {
  // One test per way of exporting (each a CLI run or two), so that no test runs many processes in a row.
  it('exports to a file (relative to the user’s directory) that imports again unchanged', async () => {
    const exported = await slt(['export', '--municipality', '3401', '--out', 'eksport.json'], cli.tokens.read3401);
    expectSuccess(exported);
    expect(exported.stderr).toMatch(/Exported the setup of 3401 to .*eksport\.json \([\d.]+ KB\)/);
    const file = JSON.parse(readFileSync(path.join(cli.work, 'eksport.json'), 'utf8')) as SetupDocument;
    expect(file).toEqual(await exportOf());
    expect(readdirSync(cli.work).filter((name) => name.includes('partial'))).toEqual([]);

    const reimported = await slt(['import', 'eksport.json', '-m', '3401']);
    expectSuccess(reimported);
    expect(reimported.stdout).toContain('nothing changed');
    const counts = countsOf(reimported);
    expect(counts['total']![0] + counts['total']![1]).toBe(0);
    expect(counts['members']![2]).toBe(file.members!.length);
  });

  it('exports to stdout without a file', async () => {
    const stdout = await slt(['export', '-m', '3401'], cli.tokens.read3401);
    expectSuccess(stdout);
    expect(JSON.parse(stdout.stdout)).toEqual(await exportOf());
  });

  it('exports members as CSV that imports again unchanged, and measures with English headers', async () => {
    const [csv, english] = await Promise.all([
      slt(['export', '-m', '3401', '--format', 'members.csv', '--out', 'medlemmer-eksport.csv'], cli.tokens.read3401),
      slt(['export', '-m', '3401', '--format', 'measures.csv', '--language', 'en'], cli.tokens.read3401),
    ]);
    expectSuccess(csv);
    const text = readFileSync(path.join(cli.work, 'medlemmer-eksport.csv'), 'utf8');
    expect(text.startsWith('\uFEFFEkstern id;Navn;Stilling')).toBe(true);
    const again = await slt(['import', 'medlemmer-eksport.csv', '-m', '3401']);
    expectSuccess(again);
    expect(countsOf(again)['members']).toEqual([0, 0, (await exportOf()).members!.length]);

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
    const flag = await slt(['import', 'oppsett.json', '-m', '3401', `--token=${cli.tokens.import3401}`], null);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('set the environment variable SLT_TOKEN');
    expect(flag.output).not.toContain(cli.tokens.import3401);
  });

  it('a token of another municipality: the 403 (import) or 404 (export) problem is shown, exit 1, the token never printed', async () => {
    const before = await exportOf();
    const run = await slt(['import', 'oppsett.json', '-m', '3401'], cli.tokens.import1547);
    expect(run.code, run.output).toBe(1);
    expect(run.stderr).toContain('Forbidden (403): The token belongs to another municipality.');
    expect(run.output).not.toContain(cli.tokens.import1547);
    expect(await exportOf()).toEqual(before);

    const exported = await slt(['export', '-m', '1547'], cli.tokens.read3401);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('Not found (404)');
    expect(exported.stdout).toBe('');
  });

  it('usage errors exit 2: a missing file, a bad municipality, --entity on JSON, an unknown option', async () => {
    const cases: [string[], string][] = [
      [['import', 'finnes-ikke.json', '-m', '3401'], `no such file: ${path.join(cli.work, 'finnes-ikke.json')}`],
      [['import', 'oppsett.json', '-m', '34'], '--municipality must be a kommunenummer of 4 digits'],
      [['import', 'oppsett.json'], 'say which municipality'],
      [['import', 'oppsett.json', '-m', '3401', '--entity', 'members'], '--entity is for CSV files'],
      [['import', 'oppsett.json', '-m', '3401', '--fast'], 'unknown option --fast'],
      [['export', '-m', '3401', '--format', 'xml'], '--format must be json or members.csv or measures.csv'],
      [['frobnicate'], 'unknown command "frobnicate"'],
    ];
    // Side by side: each is a process of its own that waits on nothing but its own start.
    const [help, ...runs] = await Promise.all([slt(['--help']), ...cases.map(([args]) => slt(args))]);
    cases.forEach(([args, message], i) => {
      const run = runs[i]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr).toContain('pnpm slt --help');
    });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pnpm slt import FILE.json|FILE.csv --municipality 3401');
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 +done\n {2}1 +the server refused/);
  });

  it('an API that cannot be reached: retried, then exit 3', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(['import', 'oppsett.json', '-m', '3401', '--api', closed], {
      from: cli.work,
      env: { SLT_TOKEN: cli.tokens.import3401 },
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
          cwd: cli.work,
          env: { ...env.inherited, SLT_API_URL: cli.api.baseUrl, SLT_TOKEN: cli.tokens.read3401 },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const run = await collect(child);
      expectSuccess(run);
      expect(existsSync(path.join(cli.work, 'via-pnpm.json'))).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, 'via-pnpm.json'))).toBe(false);
    },
  );
});
