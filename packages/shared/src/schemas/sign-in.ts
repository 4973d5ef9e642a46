import { Type, type Static } from 'typebox';
import { NameText } from './common.js';
import { RoleSchema, UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

/** An e-mail domain (`kommune.no`), lower case, no `@`. */
const DomainSchema = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$',
});

/** One provider group that grants a role in a municipality at sign-in. */
export const GroupRoleSchema = Type.Object(
  {
    group: Type.String({
      minLength: 1,
      maxLength: 256,
      'x-text': 'line',
      description: 'The value in the group claim (Entra ID: the group object id).',
    }),
    kommunenummer: KommunenummerSchema,
    role: RoleSchema,
  },
  { additionalProperties: false, title: 'GroupRole' },
);
export type GroupRole = Static<typeof GroupRoleSchema>;

/**
 * An OpenID Provider users may sign in with: the municipality's (`kommunenummer`) or, when null,
 * everyone's. The client secret or private key is write-only: answers only say whether one is set.
 */
export const CreateOidcProviderSchema = Type.Object(
  {
    kommunenummer: Type.Union([KommunenummerSchema, Type.Null()], {
      description: 'The municipality whose staff sign in with it; null: a provider for every municipality.',
    }),
    label: NameText({ description: 'Shown on the button: "Logg inn med {label}".' }),
    issuer: Type.String({
      format: 'uri',
      maxLength: 500,
      pattern: '^https?://',
      description: 'The issuer URL (discovery at /.well-known/openid-configuration).',
    }),
    clientId: Type.String({ minLength: 1, maxLength: 256, 'x-text': 'line' }),
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, 'x-text': 'secret', description: 'client_secret_basic.' })),
    privateKeyJwk: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 10000,
        'x-text': 'secret',
        description: 'private_key_jwt: the private key as a JWK (JSON), RS256 or ES256.',
      }),
    ),
    allowedDomains: Type.Array(DomainSchema, {
      minItems: 1,
      maxItems: 20,
      description: 'Only e-mail addresses in these domains may sign in.',
    }),
    emailClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', default: 'email' })),
    groupClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', default: 'groups' })),
    groupRoles: Type.Optional(Type.Array(GroupRoleSchema, { maxItems: 100 })),
    passwordsDisabled: Type.Optional(
      Type.Boolean({
        description: 'Users with an e-mail in the allowed domains may no longer sign in with a password (outside members keep theirs).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateOidcProvider = Static<typeof CreateOidcProviderSchema>;

export const OidcProviderSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: Type.Union([KommunenummerSchema, Type.Null()]),
    label: Type.String(),
    issuer: Type.String(),
    clientId: Type.String(),
    clientAuth: Type.Enum(['client_secret_basic', 'private_key_jwt']),
    allowedDomains: Type.Array(Type.String()),
    emailClaim: Type.String(),
    groupClaim: Type.String(),
    groupRoles: Type.Array(GroupRoleSchema),
    passwordsDisabled: Type.Boolean(),
    redirectUri: Type.String({ description: 'Register this redirect URI with the provider.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'OidcProvider' },
);
export type OidcProvider = Static<typeof OidcProviderSchema>;
export const OidcProviderListSchema = Type.Object({ items: Type.Array(OidcProviderSchema) }, { additionalProperties: false });
export const OidcProviderParamsSchema = Type.Object({ providerId: UuidSchema }, { additionalProperties: false });

/** The sign-in buttons for a municipality (its own providers and the global ones). */
export const SignInOptionsQuerySchema = Type.Object({ kommunenummer: Type.Optional(KommunenummerSchema) }, { additionalProperties: false });
export const SignInOptionsSchema = Type.Object(
  {
    providers: Type.Array(
      Type.Object(
        { id: UuidSchema, label: Type.String(), kommunenummer: Type.Union([Type.String(), Type.Null()]), startUrl: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'SignInOptions' },
);
export type SignInOptions = Static<typeof SignInOptionsSchema>;

export const StartOidcQuerySchema = Type.Object(
  {
    returnTo: Type.Optional(
      Type.String({ maxLength: 500, pattern: '^/[A-Za-z0-9/_-]*$', description: 'A path of the web client to land on afterwards.' }),
    ),
  },
  { additionalProperties: false },
);

/** What a provider sends back to the redirect URI (providers add their own fields: Entra's `session_state`). */
export const OidcCallbackQuerySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4000, 'x-text': 'secret' })),
    state: Type.Optional(Type.String({ maxLength: 200, 'x-text': 'secret' })),
    iss: Type.Optional(Type.String({ maxLength: 500, 'x-text': 'line' })),
    error: Type.Optional(Type.String({ maxLength: 200, 'x-text': 'line' })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
    error_uri: Type.Optional(Type.String({ maxLength: 500, 'x-text': 'line' })),
    session_state: Type.Optional(Type.String({ maxLength: 500, 'x-text': 'secret' })),
  },
  { additionalProperties: false },
);

/** Why a sign-in with a provider was refused: the web client's sign-in page explains each. */
export const SSO_ERRORS = ['not_invited', 'domain', 'inactive', 'failed', 'expired'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];
