import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const ORGANIZATION_KINDS = [
  'municipal_unit',
  'police',
  'county',
  'state_agency',
  'school',
  'health',
  'child_welfare',
  'volunteer',
  'business',
  'faith_community',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const OrganizationKindSchema = Type.Enum([...ORGANIZATION_KINDS], {
  description: 'What kind of agency or unit it is.',
});

/** Free text is bounded; texts holding a national identity number are refused. */
export const OrganizationSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    kind: OrganizationKindSchema,
    description: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Organization' },
);
export type Organization = Static<typeof OrganizationSchema>;

export const OrganizationListSchema = Type.Object({ items: Type.Array(OrganizationSchema) }, { additionalProperties: false });
export type OrganizationList = Static<typeof OrganizationListSchema>;

export const CreateOrganizationSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: OrganizationKindSchema,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateOrganization = Static<typeof CreateOrganizationSchema>;

export const UpdateOrganizationSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    kind: Type.Optional(OrganizationKindSchema),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganization = Static<typeof UpdateOrganizationSchema>;

export const OrganizationParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, organizationId: UuidSchema },
  { additionalProperties: false },
);
