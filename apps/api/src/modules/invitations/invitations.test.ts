import type { Invitation, User } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';
const PASSWORD = 'et-langt-passord-for-test';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const invite = (body: Record<string, unknown>, bearer = coordinator) => call(t, 'POST', `${base}/invitations`, { bearer, body });
const accessOf = async (email: string) =>
  ((await (await call(t, 'GET', `${base}/users?limit=200`, { bearer: coordinator })).json()) as { items: User[] }).items.find(
    (u) => u.email === email,
  );

describe('user administration by the coordinator', () => {
  it('invites a new person with a role; the one-time link sets their password once; they sign in and see what the role allows', async () => {
    const response = await invite({ email: 'Frida.Fiktiv@Example.invalid', name: 'Frida Fiktiv', role: 'member' });
    expect(response.status, await response.clone().text()).toBe(201);
    const invitation = (await response.json()) as Invitation;
    expect(invitation.user).toMatchObject({ email: 'frida.fiktiv@example.invalid', roles: [{ kommunenummer: '3401', role: 'member' }] });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    // Before accepting, no password works.
    await expect(signIn(t, 'frida.fiktiv@example.invalid', PASSWORD)).rejects.toThrow(/401/);
    const accepted = await call(t, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.token, password: PASSWORD } });
    expect(await accepted.json()).toEqual({ email: 'frida.fiktiv@example.invalid' });
    const frida = await signIn(t, 'frida.fiktiv@example.invalid', PASSWORD);
    expect((await call(t, 'GET', `${base}/action-items`, { bearer: frida.accessToken })).status).toBe(200);
    expect((await call(t, 'GET', `${base}/api-tokens`, { bearer: frida.accessToken })).status).toBe(403);
    // The link works once.
    const again = await expectProblem(
      await call(t, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.token, password: 'et-annet-langt-passord' } }),
      400,
      'token',
    );
    expect((again as { errors?: { code?: string }[] }).errors?.[0]?.code).toBe('invitation');
    // A forged or altered token is refused the same way.
    await expectProblem(
      await call(t, 'POST', '/api/v1/invitations/accept', { body: { token: `${invitation.token!}x`, password: PASSWORD } }),
      400,
      'token',
    );
  });

  it('changes a role and removes access; removing ends the person’s sessions at once', async () => {
    const invitation = (await (
      await invite({ email: 'ola.oppdiktet@example.invalid', name: 'Ola Oppdiktet', role: 'member' })
    ).json()) as Invitation;
    await call(t, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.token, password: PASSWORD } });
    const ola = await signIn(t, 'ola.oppdiktet@example.invalid', PASSWORD);
    const promoted = await call(t, 'PUT', `${base}/users/${invitation.user.id}/role`, {
      bearer: coordinator,
      body: { role: 'coordinator' },
    });
    expect(((await promoted.json()) as User).roles).toEqual([{ kommunenummer: '3401', role: 'coordinator' }]);
    expect((await call(t, 'GET', `${base}/api-tokens`, { bearer: ola.accessToken })).status).toBe(200);
    const removed = await call(t, 'DELETE', `${base}/users/${invitation.user.id}`, { bearer: coordinator });
    expect(removed.status).toBe(204);
    expect(await accessOf('ola.oppdiktet@example.invalid')).toBeUndefined();
    expect((await call(t, 'GET', `${base}/action-items`, { bearer: ola.accessToken })).status).toBe(401);
    expect((await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: ola.cookie } })).status).toBe(401);
  });

  it('refuses what it must: an existing account gets the role without a link, a second invitation is a conflict, members may not invite, nobody removes themselves', async () => {
    const existing = (await (await invite({ email: DEMO.coordinator1547, name: 'Nora', role: 'member' })).json()) as Invitation;
    expect(existing.token).toBeNull();
    await expectProblem(await invite({ email: DEMO.coordinator1547, name: 'Nora', role: 'member' }), 409);
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    await expectProblem(await invite({ email: 'x@example.invalid', name: 'X', role: 'member' }, member), 403);
    const problem = await expectProblem(await invite({ email: 'ikke-en-adresse', name: 'Y'.repeat(201), role: 'admin' }), 400);
    expect((problem as { errors?: { name: string; code?: string }[] }).errors?.map((e) => [e.name, e.code]).sort()).toEqual([
      ['email', 'format:email'],
      ['name', 'too_long'],
      ['role', 'enum'],
    ]);
    const me = (await signIn(t, DEMO.coordinator3401)).userId;
    await expectProblem(await call(t, 'DELETE', `${base}/users/${me}`, { bearer: coordinator }), 409);
  });
});
