import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { PUBLIC_CALLER, type Scope } from '../src/lib/scope.js';
import { createAnnualReportService } from '../src/modules/annual-report/annual-report.service.js';
import { createComplianceService } from '../src/modules/compliance/compliance.service.js';

const K = '1547';
const YEAR = 2026;

/**
 * Grows `k` to `total` measures, the year's kind of history: a third started in the year, a third
 * completed in it, every fifth evaluated in it, each linked to one of the municipality's goals.
 */
export async function growMeasures(database: Database, k: string, total: number): Promise<void> {
  await database.db.execute(sql`
    insert into measures (kommunenummer, title, description, status, start_date, end_date, is_public)
    select ${k}, 'Tiltak ' || g, 'Beskrivelse av tiltak ' || g,
           (array['idea','planned','active','completed','discontinued']::measure_status[])[1 + g % 5],
           case when g % 3 = 0 then ${`${YEAR}-03-01`}::date else ${`${YEAR - 1}-03-01`}::date end,
           case when g % 5 = 3 then ${`${YEAR}-11-30`}::date else null end,
           g % 2 = 0
    from generate_series(1, greatest(0, ${total} - (select count(*) from measures where kommunenummer = ${k}))::int) g`);
  await database.db.execute(sql`
    insert into measure_goals (measure_id, goal_id)
    select m.id, (select id from goals where kommunenummer = ${k} order by id offset (abs(hashtext(m.id::text)) % greatest(1, (select count(*) from goals where kommunenummer = ${k}))) limit 1)
    from measures m where m.kommunenummer = ${k} and m.title like 'Tiltak %' and exists (select 1 from goals where kommunenummer = ${k})
    on conflict do nothing`);
  await database.db.execute(sql`
    insert into measure_evaluations (measure_id, date, outcome, text)
    select id, ${`${YEAR}-10-15`}::date, 'partly_achieved', 'Evaluert i bench'
    from measures where kommunenummer = ${k} and title like 'Tiltak %' and abs(hashtext(id::text)) % 5 = 0`);
  await database.db.execute(sql`analyze`);
}

/** The SQL statements one generation of the internal report sends (in-process, on the bench cluster). */
async function statementsOfReport(database: Database): Promise<number> {
  const service = createAnnualReportService({ db: database.db, compliance: createComplianceService({ db: database.db }) });
  const scope: Scope = {
    kommunenummer: K,
    host: K,
    actor: { type: 'system', id: null, label: 'bench' },
    caller: { ...PUBLIC_CALLER, internal: true, allClosed: true, manages: true },
    view: 'internal',
    setupVersion: '0',
  };
  const before = database.statementCount();
  await service.generate(scope, YEAR, 'internal');
  return database.statementCount() - before;
}

/**
 * `report` rows of `pnpm bench`: the internal annual report of Aukra for 2026 over HTTP (the
 * coordinator signed in) at demo size and with 2,000 measures: wall time per generation
 * (sequential requests, goal ≤ 2 s), bytes, and the statements one generation sends.
 */
export async function benchAnnualReport(url: string, app: string, samples = 10): Promise<void> {
  const database = await openDatabase({
    kind: 'postgres',
    url,
    poolMax: 2,
    connectionTimeoutMs: 5_000,
    logger: { error: () => undefined },
  });
  const login = await fetch(`${app}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `koordinator.${K}@demo.invalid`, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const target = `${app}/api/v1/municipalities/${K}/annual-reports/${YEAR}`;
  const time = async () => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= samples; i += 1) {
      const started = performance.now();
      const response = await fetch(target, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`annual report: ${response.status} ${body.slice(0, 200)}`);
      if (i > 0) times.push(performance.now() - started); // the first warms up
      bytes = body.length;
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, bytes };
  };
  const size = async () =>
    ((await database.db.execute(sql`select count(*)::int as n from measures where kommunenummer = ${K}`)) as { rows: { n: number }[] })
      .rows[0]!.n;
  console.log(`\nAnnual report (GET …/${K}/annual-reports/${YEAR}, internal, ${samples} sequential requests after one warm-up)`);
  console.log(`${'data'.padEnd(28)} p50 ms   max ms      bytes  SQL statements  goal`);
  const row = (label: string, r: { p50: number; max: number; bytes: number }, statements: number) =>
    console.log(
      `${label.padEnd(28)} ${r.p50.toFixed(1).padStart(6)} ${r.max.toFixed(1).padStart(8)} ${String(r.bytes).padStart(10)} ${String(statements).padStart(15)}  ≤ 2000 ms: ${r.max <= 2000 ? 'met' : 'MISSED'}`,
    );
  const demoStatements = await statementsOfReport(database);
  row(`${K} at demo size (${await size()} measures)`, await time(), demoStatements);
  await growMeasures(database, K, 2000);
  const grownStatements = await statementsOfReport(database);
  row(`${K} with ${await size()} measures`, await time(), grownStatements);
  console.log(
    `statement count with 2,000 measures ${grownStatements === demoStatements ? 'equals' : 'DIFFERS FROM'} demo size (goal: equal)`,
  );
  console.log(
    `\nThe same report as a document (GET …/annual-reports/${YEAR}/document/{format}, ${samples} sequential requests after one warm-up)`,
  );
  console.log(`${'format'.padEnd(28)} p50 ms   max ms      bytes  pages  goal`);
  for (const format of ['docx', 'pdf'] as const) {
    const r = await timeDocument(`${target}/document/${format}`, { accessToken, samples });
    console.log(
      `${`${format} with ${await size()} measures`.padEnd(28)} ${r.p50.toFixed(1).padStart(6)} ${r.max.toFixed(1).padStart(8)} ${String(r.bytes).padStart(10)} ${(r.pages === null ? '–' : String(r.pages)).padStart(6)}  ≤ 2000 ms: ${r.max <= 2000 ? 'met' : 'MISSED'}${r.pages !== null ? `, ≥ 40 pages: ${r.pages >= 40 ? 'met' : 'MISSED'}` : ''}`,
    );
  }
  await database.close();
}

/** The pages of a PDF: its page objects (pdfkit writes every dictionary uncompressed). */
export const pdfPageCount = (body: Buffer): number => (body.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** Sequential downloads of a document: time per generation, its size, and for a PDF its pages. */
async function timeDocument(url: string, { accessToken, samples }: { accessToken: string; samples: number }) {
  const times: number[] = [];
  let bytes = 0;
  let pages: number | null = null;
  for (let i = 0; i <= samples; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`document: ${response.status} ${body.toString().slice(0, 200)}`);
    if (i > 0) times.push(performance.now() - started);
    bytes = body.length;
    if (url.endsWith('/pdf')) pages = pdfPageCount(body);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, bytes, pages };
}
