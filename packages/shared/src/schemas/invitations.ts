import { Type, type Static } from 'typebox';
import { EmailSchema, NewPasswordSchema, RoleSchema, UserSchema, UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

/** A coordinator gives a person access to their municipality: by e-mail, with a role. */
export const CreateInvitationSchema = Type.Object(
  {
    email: EmailSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
  },
  { additionalProperties: false },
);
export type CreateInvitation = Static<typeof CreateInvitationSchema>;

export const InvitationSchema = Type.Object(
  {
    user: UserSchema,
    token: Type.Union([Type.String(), Type.Null()], {
      description:
        'For a new user: the one-time secret of the link that lets them set a password (shown once; the coordinator sends it until e-mail exists). Null when the person already had an account: they sign in as before.',
    }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'Invitation' },
);
export type Invitation = Static<typeof InvitationSchema>;

export const AcceptInvitationSchema = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 1000 }),
    password: NewPasswordSchema,
  },
  { additionalProperties: false },
);
export type AcceptInvitation = Static<typeof AcceptInvitationSchema>;
export const AcceptedInvitationSchema = Type.Object({ email: Type.String() }, { additionalProperties: false });

export const MunicipalityUserParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, userId: UuidSchema },
  { additionalProperties: false },
);
