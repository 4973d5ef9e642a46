import type { ImportResult, SetupDocument } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/** Issue 15, acceptance 5: formula payloads leave both CSV exports neutralised and re-import to the same text. */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signIn(t, DEMO.admin)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const PAYLOADS = ['=HYPERLINK("http://x","klikk")', '+47 99 88 77 66', '-1+2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "'=already quoted"];
/** One-line fields (a member's title, a measure's title) refuse line breaks by the text rules: every payload but CR. */
const LINE_PAYLOADS = PAYLOADS.filter((p) => !p.includes('\r'));
const K = '3418';

/** A CSV line split into cells (quotes honoured): enough for the exports' `;` files. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...out, cell];
}

/** Records of a CSV text whose quoted cells may hold CR or LF. */
function records(text: string): string[][] {
  const rows: string[] = [];
  let current = '';
  let quotes = 0;
  for (const piece of text.replace(/^\uFEFF/, '').split('\r\n')) {
    current = current ? `${current}\r\n${piece}` : piece;
    quotes += (piece.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      rows.push(current);
      current = '';
      quotes = 0;
    }
  }
  return rows.filter((r) => r !== '').map(cells);
}

describe('CSV exports and formula injection', () => {
  it('neutralises =, +, -, @, tab and CR cells in the members and measures CSVs, and re-imports them to the original text', async () => {
    const document: SetupDocument = {
      format: 'slt-setup/1',
      members: LINE_PAYLOADS.map((p, i) => ({ externalId: `f-${i}`, name: `Formel Fiktivsen ${i}`, roleTitle: p })),
      measures: PAYLOADS.map((p, i) => ({
        externalId: `t-${i}`,
        title: `Tiltak ${i} ${p.replace('\r', '')}`,
        description: p,
        status: 'planned',
      })),
    };
    const created = await call(t, 'POST', `/api/v1/municipalities/${K}/import`, { bearer: admin, body: document });
    expect(created.status, await created.clone().text()).toBe(200);

    for (const [entity, field, expected] of [
      ['members', 'Stilling', LINE_PAYLOADS],
      ['measures', 'Beskrivelse', PAYLOADS],
    ] as const) {
      const response = await call(t, 'GET', `/api/v1/municipalities/${K}/export/${entity}.csv`, { bearer: admin });
      expect(response.status).toBe(200);
      const csv = await response.text();
      const [header, ...rows] = records(csv);
      const column = header!.indexOf(field);
      expect(column, header!.join(';')).toBeGreaterThanOrEqual(0);
      const exported = rows.map((r) => r[column]!);
      expect(exported.sort()).toEqual(expected.map((p) => `'${p}`).sort());
      // No cell of the file starts a formula.
      for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);

      // Read back: the same file changes nothing, and into another municipality it gives the original text.
      const again = await fetch(`${t.baseUrl}/api/v1/municipalities/${K}/import?entity=${entity}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const text = await again.text();
      expect(again.status, text).toBe(200);
      expect((JSON.parse(text) as ImportResult).changes).toEqual([]);
    }
    const exported = (await (await call(t, 'GET', `/api/v1/municipalities/${K}/export`, { bearer: admin })).json()) as SetupDocument;
    expect(exported.members!.map((m) => m.roleTitle).sort()).toEqual([...LINE_PAYLOADS].sort());
    expect(exported.measures!.map((m) => m.description).sort()).toEqual([...PAYLOADS].sort());
  });
});
