import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`../src/modules/indicator-sources/fixtures/${name}`, import.meta.url), 'utf8');

/** The fixtures as the sources answer them (see src/modules/indicator-sources/fixtures/README.md). */
export const FIXTURES = {
  ssbData: fixture('ssb-08487-data.json'),
  ssbMetadata: fixture('ssb-08487-metadata.json'),
  ssbPopulation: fixture('ssb-07459-data.json'),
  ssbCsv: fixture('ssb-08487.csv'),
  klass: fixture('klass-131-changes.json'),
  fhiData: fixture('fhi-ungdata-hasj-data.json'),
  fhiFlag: fixture('fhi-flag.json'),
};

export interface SourceRequest {
  method: string;
  url: string;
  body: string;
  at: number;
}

/**
 * A local HTTP server answering as SSB's PxWebApi v2 (`/ssb`), SSB's KLASS (`/klass`) and FHI's open
 * API (`/fhi`) do, from the fixtures; it records every request. `reject429` answers that many data
 * requests with 429 and `Retry-After: 1` first; `down` answers every request with 503 and no
 * Retry-After; `malformed` answers data that is not JSON-stat; `brokenPopulation` answers the
 * population table (07459, the second request of an import with rates) with a body cut off half-way.
 */
export async function startSourceServer() {
  const requests: SourceRequest[] = [];
  const state = { reject429: 0, down: false, malformed: false, brokenPopulation: false };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({ method: req.method ?? 'GET', url: decodeURIComponent(url.pathname + url.search), body, at: Date.now() });
      const json = (status: number, text: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(text);
      };
      if (state.down) return json(503, '{"error":"Service Unavailable"}');
      const isData = url.pathname.endsWith('/data');
      if (isData && state.reject429 > 0) {
        state.reject429--;
        return json(429, '{"title":"Too Many Requests"}', { 'retry-after': '1' });
      }
      if (isData && state.malformed) return json(200, '{"class":"collection"}');
      if (req.method === 'GET' && url.pathname === '/klass/classifications/131/changes') return json(200, FIXTURES.klass);
      if (req.method === 'GET' && url.pathname === '/ssb/tables/08487/metadata') return json(200, FIXTURES.ssbMetadata);
      if (req.method === 'GET' && url.pathname === '/ssb/tables/08487/data') {
        if (url.searchParams.get('outputFormat') !== 'json-stat2' || !url.searchParams.get('valueCodes[Region]'))
          return json(400, '{"title":"Bad request"}');
        return json(200, FIXTURES.ssbData);
      }
      if (req.method === 'GET' && url.pathname === '/ssb/tables/07459/data') {
        const asked = ['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid'].every((d) => url.searchParams.get(`valueCodes[${d}]`));
        if (url.searchParams.get('outputFormat') !== 'json-stat2' || !asked) return json(400, '{"title":"Bad request"}');
        if (state.brokenPopulation) return json(200, FIXTURES.ssbPopulation.slice(0, FIXTURES.ssbPopulation.length / 2));
        return json(200, FIXTURES.ssbPopulation);
      }
      if (req.method === 'GET' && url.pathname === '/fhi/nokkel/Table/325/flag') return json(200, FIXTURES.fhiFlag);
      if (req.method === 'POST' && url.pathname === '/fhi/nokkel/Table/325/data') {
        const query = JSON.parse(body || '{}') as { dimensions?: unknown[]; response?: { format?: string } };
        if (!Array.isArray(query.dimensions) || query.response?.format !== 'json-stat2') return json(400, '{"status":"Bad request"}');
        return json(200, FIXTURES.fhiData);
      }
      json(404, '{"title":"Not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    state,
    requests,
    config: { ssbApiUrl: `${base}/ssb`, klassApiUrl: `${base}/klass`, fhiApiUrl: `${base}/fhi` },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
