import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

const Age = Type.Integer({ minimum: 0, maximum: 120 });
const RiskCriteria = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 });

/** Who a measure or the whole setup is for. Ages are inclusive; `ageFrom` ≤ `ageTo`. */
export const TargetGroupSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    description: Nullable(Type.String()),
    ageFrom: Nullable(Type.Integer()),
    ageTo: Nullable(Type.Integer()),
    riskCriteria: Type.Array(Type.String()),
    displayOrder: Type.Integer({ description: 'Lists sort by it, then by name.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'TargetGroup' },
);
export type TargetGroup = Static<typeof TargetGroupSchema>;
export const TargetGroupListSchema = Type.Object({ items: Type.Array(TargetGroupSchema) }, { additionalProperties: false });
export type TargetGroupList = Static<typeof TargetGroupListSchema>;

export const CreateTargetGroupSchema = Type.Object(
  {
    name: NameText(),
    description: Type.Optional(FreeText()),
    ageFrom: Type.Optional(Age),
    ageTo: Type.Optional(Age),
    riskCriteria: Type.Optional(RiskCriteria),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateTargetGroup = Static<typeof CreateTargetGroupSchema>;

export const UpdateTargetGroupSchema = Type.Object(
  {
    name: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    ageFrom: Clearable(Age),
    ageTo: Clearable(Age),
    riskCriteria: Type.Optional(RiskCriteria),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTargetGroup = Static<typeof UpdateTargetGroupSchema>;

export const TargetGroupParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, targetGroupId: UuidSchema },
  { additionalProperties: false },
);

/** A priority set by the strategic tier, optionally with the political decision behind it. */
export const FocusAreaSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    description: Nullable(Type.String()),
    decisionReference: Nullable(Type.String({ description: 'E.g. "Kommunestyrevedtak 004/14".' })),
    decisionDate: Nullable(Type.String({ format: 'date' })),
    displayOrder: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'FocusArea' },
);
export type FocusArea = Static<typeof FocusAreaSchema>;
export const FocusAreaListSchema = Type.Object({ items: Type.Array(FocusAreaSchema) }, { additionalProperties: false });
export type FocusAreaList = Static<typeof FocusAreaListSchema>;

export const CreateFocusAreaSchema = Type.Object(
  {
    name: NameText(),
    description: Type.Optional(FreeText()),
    decisionReference: Type.Optional(NameText()),
    decisionDate: Type.Optional(DateSchema),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateFocusArea = Static<typeof CreateFocusAreaSchema>;

export const UpdateFocusAreaSchema = Type.Object(
  {
    name: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    decisionReference: Clearable(NameText()),
    decisionDate: Clearable(DateSchema),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFocusArea = Static<typeof UpdateFocusAreaSchema>;

export const FocusAreaParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, focusAreaId: UuidSchema },
  { additionalProperties: false },
);
