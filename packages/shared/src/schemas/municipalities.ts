import { Type, type Static } from 'typebox';
import { CursorSchema, LimitSchema, Nullable, PageSchema } from './common.js';

export const KommunenummerSchema = Type.String({
  pattern: '^[0-9]{4}$',
  description: 'Four-digit municipality number (kommunenummer), e.g. `3401`.',
  examples: ['3401'],
});

export const FylkesnummerSchema = Type.String({
  pattern: '^[0-9]{2}$',
  description: 'Two-digit county number (fylkesnummer), e.g. `34`; Oslo is `03`.',
  examples: ['34'],
});

/** The 12 police districts (politidistrikter) since 2016, as stable codes. */
export const POLICE_DISTRICTS = [
  { code: 'oslo', name: 'Oslo' },
  { code: 'ost', name: 'Øst' },
  { code: 'innlandet', name: 'Innlandet' },
  { code: 'sor-ost', name: 'Sør-Øst' },
  { code: 'agder', name: 'Agder' },
  { code: 'sor-vest', name: 'Sør-Vest' },
  { code: 'vest', name: 'Vest' },
  { code: 'more-og-romsdal', name: 'Møre og Romsdal' },
  { code: 'trondelag', name: 'Trøndelag' },
  { code: 'nordland', name: 'Nordland' },
  { code: 'troms', name: 'Troms' },
  { code: 'finnmark', name: 'Finnmark' },
] as const;
export type PoliceDistrictCode = (typeof POLICE_DISTRICTS)[number]['code'];

export const PoliceDistrictCodeSchema = Type.Enum(
  POLICE_DISTRICTS.map<PoliceDistrictCode>((d) => d.code),
  { description: 'Police district code.' },
);

export const MalformSchema = Type.Enum(['nb', 'nn'], {
  description: "The municipality's written language: bokmål (`nb`) or nynorsk (`nn`).",
});
export type Malform = Static<typeof MalformSchema>;

export const CountySchema = Type.Object(
  {
    number: FylkesnummerSchema,
    name: Type.String(),
  },
  { additionalProperties: false, title: 'County' },
);
export type County = Static<typeof CountySchema>;

export const PoliceDistrictSchema = Type.Object(
  {
    code: PoliceDistrictCodeSchema,
    name: Type.String(),
  },
  { additionalProperties: false, title: 'PoliceDistrict' },
);
export type PoliceDistrict = Static<typeof PoliceDistrictSchema>;

export const MunicipalitySchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    county: CountySchema,
    policeDistrict: Nullable(PoliceDistrictSchema, { description: 'Set by the municipality; null until known.' }),
    malform: MalformSchema,
  },
  { additionalProperties: false, title: 'Municipality' },
);
export type Municipality = Static<typeof MunicipalitySchema>;

export const MunicipalityPageSchema = PageSchema(MunicipalitySchema);
export type MunicipalityPage = Static<typeof MunicipalityPageSchema>;

export const MunicipalityListQuerySchema = Type.Object(
  {
    county: Type.Optional(FylkesnummerSchema),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Case-insensitive prefix of the municipality name, e.g. `kongs`.',
      }),
    ),
    limit: Type.Optional(LimitSchema),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);
export type MunicipalityListQuery = Static<typeof MunicipalityListQuerySchema>;

export const MunicipalityParamsSchema = Type.Object({ kommunenummer: KommunenummerSchema }, { additionalProperties: false });

export const CountyListSchema = Type.Object({ items: Type.Array(CountySchema) }, { additionalProperties: false });
export type CountyList = Static<typeof CountyListSchema>;

export const UpdateMunicipalitySchema = Type.Object(
  {
    policeDistrict: Type.Optional(
      Type.Union([PoliceDistrictCodeSchema, Type.Null()], { description: 'A police district code, or null to unset.' }),
    ),
    malform: Type.Optional(MalformSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMunicipality = Static<typeof UpdateMunicipalitySchema>;
