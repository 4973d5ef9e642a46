import type { ImportResult } from '@slt/shared';
import { describe, expect, it } from 'vitest';
import { formatResult, formatProblem } from './report.js';

const zero = { created: 0, updated: 0, unchanged: 0 };

describe('formatResult', () => {
  it('counts per kind in document order, kinds the file did not hold left out, with a total', () => {
    const result: ImportResult = {
      dryRun: false,
      counts: {
        organizations: zero,
        members: { created: 2, updated: 1, unchanged: 40 },
        tiers: zero,
        measures: { created: 0, updated: 0, unchanged: 3 },
        organizationsX: zero,
      },
      changes: [],
      changesOmitted: 0,
    };
    expect(formatResult(result, { municipality: '3401' })).toBe(
      [
        'Imported into 3401:',
        '',
        'kind      created  updated  unchanged',
        '────────  ───────  ───────  ─────────',
        'members         2        1         40',
        'measures        0        0          3',
        'total           2        1         43',
        '',
      ].join('\n'),
    );
    expect(formatResult({ dryRun: false, counts: { members: zero }, changes: [], changesOmitted: 0 }, { municipality: '3401' })).toBe(
      'Imported into 3401: the file holds no items.\n',
    );
  });

  it('a dry run lists the planned changes, the first 50, and how many more (by the counts: the list may be cut short)', () => {
    const changes = Array.from({ length: 60 }, (_, i) => ({
      section: 'members',
      externalId: `m${i}`,
      action: 'created' as const,
      fields: ['name'],
    }));
    changes.unshift({ section: 'organizations', externalId: 'o1', action: 'updated' as never, fields: ['name', 'kind'] });
    const text = formatResult(
      {
        dryRun: true,
        counts: { organizations: { created: 0, updated: 1, unchanged: 0 }, members: { created: 100, updated: 0, unchanged: 0 } },
        changes,
        changesOmitted: 0,
      },
      { municipality: '3401' },
    );
    expect(text).toContain('Dry run for 3401: nothing was written.');
    expect(text).toContain('Planned changes (the first 50 of 101):');
    expect(text).toMatch(/^update +organizations +o1 +name, kind$/m);
    expect(text.match(/^create +members/gm)).toHaveLength(49);
    expect(text).toContain('… and 51 more');
    expect(
      formatResult(
        { dryRun: true, counts: { members: { created: 5, updated: 0, unchanged: 0 } }, changes: [], changesOmitted: 0 },
        { municipality: '3401' },
      ),
    ).toContain('The server did not list the 5 planned changes.');
  });
});

describe('formatProblem', () => {
  const problem = {
    type: 'urn:slt:problem:invalid-document',
    title: 'Invalid document',
    status: 422,
    detail: '2 problems in the document: nothing was imported.',
    requestId: 'req-1',
    errors: [
      { in: 'body' as const, pointer: '/members/0/email', name: 'email', detail: 'must match format "email"' },
      { in: 'body' as const, pointer: '/members', name: 'members', detail: 'line 1: the column "Alder" is not one of externalId, name' },
    ],
  };

  it('a table of pointer and reason, and the request id', () => {
    expect(formatProblem(problem)).toBe(
      [
        'Invalid document (422): 2 problems in the document: nothing was imported.',
        '',
        'pointer           problem',
        `${'─'.repeat(16)}  ${'─'.repeat(57)}`,
        '/members/0/email  must match format "email"',
        '/members          line 1: the column "Alder" is not one of externalId, name',
        '',
        'Request id: req-1 (quote it when asking for help)',
        '',
      ].join('\n'),
    );
  });

  it('for a CSV file also the spreadsheet row (the header is row 1) and the column', () => {
    const text = formatProblem(problem, { csv: true });
    expect(text).toMatch(/^row +column +pointer +problem$/m);
    expect(text).toMatch(/^2 +email +\/members\/0\/email +must match format "email"$/m);
    expect(text).toMatch(/^ +\/members +line 1: the column "Alder"/m);
  });

  it('a problem without field errors is its title and detail', () => {
    expect(formatProblem({ type: 'about:blank', title: 'Bad Gateway', status: 502 })).toBe('Bad Gateway (502)\n');
  });
});
