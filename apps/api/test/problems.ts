import { expect } from 'vitest';

/** Asserts a problem+json answer with the status, naming `field` first; returns the problem. */
export async function expectProblem(response: Response, status: number, field?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { type: string; detail?: string; errors?: { name: string; pointer: string }[] };
  if (field !== undefined) expect(problem.errors?.[0]?.name, text).toBe(field);
  return problem;
}

/** A valid fødselsnummer (mod-11), for tests that it is refused. */
export const FNR = '01019012480';
