import { Type, type Static } from 'typebox';
import { CursorSchema, LimitSchema, Nullable, PageSchema } from './common.js';
import { KommunenummerSchema } from './municipalities.js';

export const UuidSchema = Type.String({ format: 'uuid' });
export const EmailSchema = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
/** OWASP ASVS: at least 12 characters, and allow long passphrases. */
export const NewPasswordSchema = Type.String({ minLength: 12, maxLength: 256, 'x-text': 'secret' });
export const RoleSchema = Type.Enum(['coordinator', 'member'], {
  description: '`coordinator`: full write in the municipality; `member`: reads its internal data.',
});
export const TokenScopeSchema = Type.Enum(['read', 'write', 'import']);

export const RoleGrantSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, role: RoleSchema },
  { additionalProperties: false, title: 'RoleGrant' },
);
export type RoleGrant = Static<typeof RoleGrantSchema>;

export const UserSchema = Type.Object(
  {
    id: UuidSchema,
    email: Type.String(),
    name: Type.String(),
    active: Type.Boolean(),
    isAdmin: Type.Boolean(),
    roles: Type.Array(RoleGrantSchema),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'User' },
);
export type User = Static<typeof UserSchema>;
export const UserPageSchema = PageSchema(UserSchema);

// --- auth -------------------------------------------------------------------------------

export const LoginRequestSchema = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256, 'x-text': 'secret' }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequestSchema>;

export const SessionSchema = Type.Object(
  {
    accessToken: Type.String({ description: 'A JWT for the `Authorization: Bearer` header.' }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
    user: UserSchema,
  },
  { additionalProperties: false, title: 'Session' },
);
export type Session = Static<typeof SessionSchema>;

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256, 'x-text': 'secret' }), newPassword: NewPasswordSchema },
  { additionalProperties: false },
);

// --- users (admin) ----------------------------------------------------------------------

export const CreateUserSchema = Type.Object(
  {
    email: EmailSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: NewPasswordSchema,
    isAdmin: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateUser = Static<typeof CreateUserSchema>;

export const UpdateUserSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
    isAdmin: Type.Optional(Type.Boolean()),
    password: Type.Optional(NewPasswordSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUser = Static<typeof UpdateUserSchema>;

export const UserParamsSchema = Type.Object({ userId: UuidSchema }, { additionalProperties: false });
export const UserRoleParamsSchema = Type.Object(
  { userId: UuidSchema, kommunenummer: KommunenummerSchema },
  { additionalProperties: false },
);
export const SetRoleSchema = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const UserListQuerySchema = Type.Object(
  { limit: Type.Optional(LimitSchema), cursor: Type.Optional(CursorSchema) },
  { additionalProperties: false },
);

// --- API tokens -------------------------------------------------------------------------

export const ApiTokenSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    prefix: Type.String({ description: 'The visible start of the secret, to recognise a token.' }),
    scopes: Type.Array(TokenScopeSchema),
    expiresAt: Nullable(Type.String({ format: 'date-time' })),
    lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'ApiToken' },
);
export type ApiToken = Static<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = Type.Object(
  {
    token: ApiTokenSchema,
    secret: Type.String({ description: 'Shown once: send it as `Authorization: Bearer <secret>`.' }),
  },
  { additionalProperties: false, title: 'CreatedApiToken' },
);
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;

export const CreateApiTokenSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(TokenScopeSchema, { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateApiToken = Static<typeof CreateApiTokenSchema>;

export const ApiTokenListSchema = Type.Object({ items: Type.Array(ApiTokenSchema) }, { additionalProperties: false });
export const ApiTokenParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, tokenId: UuidSchema },
  { additionalProperties: false },
);

// --- audit log ----------------------------------------------------------------------------

export const AuditActorSchema = Type.Object(
  {
    type: Type.Enum(['user', 'token', 'system']),
    id: Nullable(Type.String()),
    label: Type.String({ description: "The user's e-mail or the token's name and prefix." }),
  },
  { additionalProperties: false },
);

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String(),
    at: Type.String({ format: 'date-time' }),
    actor: AuditActorSchema,
    entity: Type.String(),
    entityId: Type.String(),
    action: Type.Enum(['create', 'update', 'delete', 'revoke', 'login', 'logout', 'refresh']),
    changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() }, { additionalProperties: false })),
    requestId: Nullable(Type.String()),
  },
  { additionalProperties: false, title: 'AuditEntry' },
);
export type AuditEntry = Static<typeof AuditEntrySchema>;
export const AuditPageSchema = PageSchema(AuditEntrySchema);
export type AuditPage = Static<typeof AuditPageSchema>;

export const AuditQuerySchema = Type.Object(
  {
    entity: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    actorId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: "Only what this person (a user's id) or API token (its id) did: the entries' `actor.id`.",
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(LimitSchema),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;
