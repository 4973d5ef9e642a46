import { Type } from 'typebox';
import { defineRoute } from '../contract.js';
import { SetRoleSchema, UserSchema } from '../schemas/identity.js';
import {
  AcceptedInvitationSchema,
  AcceptInvitationSchema,
  CreateInvitationSchema,
  InvitationSchema,
  MunicipalityUserParamsSchema,
} from '../schemas/invitations.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';

const coordinator = { kind: 'municipality', role: 'coordinator' } as const;

/** User administration by a municipality's coordinator: invite by e-mail with a role, change the role, remove access. */
export const invitationRoutes = {
  inviteUser: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/invitations',
    operationId: 'inviteUser',
    tags: ['users'],
    summary: 'Give a person access to the municipality with a role (a new user gets a one-time link to set a password)',
    access: coordinator,
    params: MunicipalityParamsSchema,
    body: CreateInvitationSchema,
    response: { 201: InvitationSchema },
    problems: [400, 401, 403, 404, 409],
  }),
  setMunicipalityUserRole: defineRoute({
    method: 'PUT',
    path: '/api/v1/municipalities/:kommunenummer/users/:userId/role',
    operationId: 'setMunicipalityUserRole',
    tags: ['users'],
    summary: "Change a user's role in the municipality",
    access: coordinator,
    params: MunicipalityUserParamsSchema,
    body: SetRoleSchema,
    response: { 200: UserSchema },
    problems: [400, 401, 403, 404, 409],
  }),
  removeMunicipalityUser: defineRoute({
    method: 'DELETE',
    path: '/api/v1/municipalities/:kommunenummer/users/:userId',
    operationId: 'removeMunicipalityUser',
    tags: ['users'],
    summary: "Remove a user's access to the municipality (ends their sessions)",
    access: coordinator,
    params: MunicipalityUserParamsSchema,
    response: { 204: Type.Null() },
    problems: [400, 401, 403, 404, 409],
  }),
  acceptInvitation: defineRoute({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    operationId: 'acceptInvitation',
    tags: ['users'],
    summary: 'Set the password of an invited user with the one-time secret of their link',
    access: { kind: 'public' },
    body: AcceptInvitationSchema,
    response: { 200: AcceptedInvitationSchema },
    problems: [400, 409, 429],
  }),
} as const;
