/**
 * The baseline: a bare Fastify + pg handler per bench entry, running the exact SQL the app runs,
 * as a prepared statement like the app's, with no schemas, validation, auth or logging. Arguments: port, database URL, pool size, and
 * the entries as base64 JSON `[{ path, sql, params, mode }]`. Mode `page` (default) answers a page of rows;
 * `json` sends the JSON text the statement returns in its last column, with an ETag and 304 on If-None-Match;
 * `docs` joins the JSON text of each row's first column into a page, as the measures register does
 * (after the scope statement, when the entry has one).
 * `setup` and `ics` first run the scope statement (`scope`: host and setup versions) and answer a
 * matching If-None-Match with 304 from it, as the app's `etag: 'setup'` reads do; then `setup` sends
 * the setup's JSON text, `ics` runs `name` and the meetings statement and writes the calendar.
 * `row` runs the scope statement, then the statement, and sends its first row (a 404 without one).
 */
import Fastify from 'fastify';
import pg from 'pg';
import { etagOfText } from '../src/lib/etag.js';
import { icalendar } from '../src/lib/icalendar.js';
import { PUBLIC_CALLER } from '../src/lib/scope.js';
import { setupTag } from '../src/lib/setup-version.js';

interface Statement {
  sql: string;
  params: unknown[];
}

const [port, url, poolMax, encoded] = process.argv.slice(2) as [string, string, string, string];
const entries = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
  path: string;
  sql: string;
  params: unknown[];
  mode?: 'page' | 'json' | 'docs' | 'setup' | 'ics' | 'row';
  scope?: Statement;
  name?: Statement;
  /** ics: positions of the meeting's fields in a row of the meetings statement. */
  columns?: Record<
    'id' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'status' | 'sequence' | 'updatedAt' | 'tierName' | 'municipalityName',
    number
  >;
}[];

const pool = new pg.Pool({ connectionString: url, max: Number(poolMax) });
const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
for (const [index, entry] of entries.entries()) {
  // A named (prepared) statement, as the app's repository uses.
  const statement = { name: `bare_${index}`, text: entry.sql, values: entry.params };
  // The scope's statement, for the entries under :kommunenummer that run it first, as the app does.
  const scope = entry.scope && {
    name: `bare_${index}_scope`,
    text: entry.scope.sql,
    values: entry.scope.params,
    rowMode: 'array' as const,
  };
  if (entry.mode === 'setup' || entry.mode === 'ics') {
    const name = entry.name && { name: `bare_${index}_name`, text: entry.name.sql, values: entry.name.params };
    const c = entry.columns!;
    app.get(entry.path, async (request, reply) => {
      const { rows: scoped } = await pool.query<unknown[]>(scope!);
      const [host, hostVersion, ownVersion] = scoped[0] as [string, string, string];
      const etag = setupTag(request.url, { setupVersion: `${host}.${hostVersion}.${ownVersion}`, view: 'public', caller: PUBLIC_CALLER });
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      if (entry.mode === 'setup') {
        const { rows } = await pool.query<unknown[]>({ ...statement, rowMode: 'array' });
        const row = rows[0]!;
        return reply.type('application/json; charset=utf-8').send(row[row.length - 1]);
      }
      const { rows: named } = await pool.query<unknown[]>({ ...name!, rowMode: 'array' });
      const { rows } = await pool.query<unknown[]>({ ...statement, rowMode: 'array' });
      const text = icalendar({
        name: `SLT ${named[0]![0] as string}`,
        ttlSeconds: 3600,
        events: rows.map((r) => ({
          uid: `${r[c.id] as string}@slt`,
          start: r[c.startsAt] as Date,
          end: r[c.endsAt] as Date,
          summary: r[c.title] as string,
          location: r[c.place] as string | null,
          description: `${r[c.tierName] as string} (${r[c.municipalityName] as string})`,
          status: r[c.status] === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
          sequence: r[c.sequence] as number,
          lastModified: r[c.updatedAt] as Date,
        })),
      });
      return reply.type('text/calendar; charset=utf-8').send(text);
    });
    continue;
  }
  if (entry.mode === 'row') {
    app.get(entry.path, async (_request, reply) => {
      await pool.query(scope!);
      const { rows } = await pool.query(statement);
      return rows[0] ? rows[0] : reply.status(404).send();
    });
    continue;
  }
  if (entry.mode === 'json') {
    app.get(entry.path, async (request, reply) => {
      const { rows } = await pool.query<unknown[]>({ ...statement, rowMode: 'array' });
      const row = rows[0]!;
      const json = row[row.length - 1] as string;
      const etag = etagOfText(json);
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(json);
    });
    continue;
  }
  if (entry.mode === 'docs') {
    app.get(entry.path, async (_request, reply) => {
      if (scope) await pool.query(scope);
      const { rows } = await pool.query<unknown[]>({ ...statement, rowMode: 'array' });
      const page = rows.slice(0, 50).map((row) => row[0] as string);
      const next = rows.length > 50 ? '"next"' : 'null';
      return reply.type('application/json; charset=utf-8').send(`{"items":[${page.join(',')}],"nextCursor":${next}}`);
    });
    continue;
  }
  app.get(entry.path, async () => {
    const { rows } = await pool.query(statement);
    return { items: rows.slice(0, 50), nextCursor: rows.length > 50 ? 'next' : null };
  });
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
