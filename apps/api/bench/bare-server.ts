/**
 * The baseline: a bare Fastify + pg handler per bench entry, running the exact SQL the app runs,
 * as a prepared statement like the app's, with no schemas, validation, auth or logging. Arguments: port, database URL, pool size, and
 * the entries as base64 JSON `[{ path, sql, params, mode }]`. Mode `page` (default) answers a page of rows;
 * `json` sends the JSON text the statement returns in its last column, with an ETag and 304 on If-None-Match;
 * `docs` joins the JSON text of each row's first column into a page, as the measures register does.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { etagOfText } from '../src/lib/etag.js';

const [port, url, poolMax, encoded] = process.argv.slice(2) as [string, string, string, string];
const entries = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
  path: string;
  sql: string;
  params: unknown[];
  mode?: 'page' | 'json' | 'docs';
}[];

const pool = new pg.Pool({ connectionString: url, max: Number(poolMax) });
const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
for (const [index, entry] of entries.entries()) {
  // A named (prepared) statement, as the app's repository uses.
  const statement = { name: `bare_${index}`, text: entry.sql, values: entry.params };
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
