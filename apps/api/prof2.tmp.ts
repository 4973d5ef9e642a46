import { PGlite } from '@electric-sql/pglite';
import { writeFileSync, readFileSync } from 'node:fs';
const t0 = performance.now();
const lap = (l: string) => console.log(l, Math.round(performance.now() - t0), 'ms', Math.round(process.memoryUsage().rss / 1e6), 'MB');
if (process.argv[2] === 'dump') {
  const pg = new PGlite();
  await pg.waitReady;
  lap('init');
  await pg.exec('create table t(a int); insert into t values (1)');
  const f = await pg.dumpDataDir('none');
  lap('dumped');
  writeFileSync('/tmp/pgl.tar', Buffer.from(await f.arrayBuffer()));
  lap('written ' + f.size);
  await pg.close();
} else {
  const buf = readFileSync('/tmp/pgl.tar');
  const pg = new PGlite({ loadDataDir: new Blob([buf]) });
  await pg.waitReady;
  lap('loaded');
  console.log((await pg.query('select * from t')).rows);
  await pg.close();
  lap('closed');
}
