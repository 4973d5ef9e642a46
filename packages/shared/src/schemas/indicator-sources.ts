import { Type, type Static } from 'typebox';
import { Nullable, TimestampSchema } from './common.js';
import { SMALL_GROUP } from './goals.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

/** The open statistics an indicator can be linked to. */
export const STATISTICS_PROVIDERS = ['ssb', 'fhi'] as const;
export type StatisticsProvider = (typeof STATISTICS_PROVIDERS)[number];
export const StatisticsProviderSchema = Type.Enum([...STATISTICS_PROVIDERS], {
  description: '`ssb`: Statistics Norway (PxWebApi v2); `fhi`: the Norwegian Institute of Public Health (FHI Statistikk open API).',
});

/** Where a stored value came from: fetched from a provider, or a file a coordinator uploaded. */
export const VALUE_ORIGINS = ['ssb', 'fhi', 'file'] as const;
export type ValueOrigin = (typeof VALUE_ORIGINS)[number];

/**
 * `ok`: a value; `suppressed`: withheld by the source (privacy, small numbers: SSB's ":" symbol,
 * FHI's flags); `missing`: no value (SSB's "..", ".", FHI's other flags). Never stored as 0.
 */
export const SOURCE_VALUE_STATUSES = ['ok', 'suppressed', 'missing'] as const;
export type SourceValueStatus = (typeof SOURCE_VALUE_STATUSES)[number];

export const REGION_LEVELS = ['municipality', 'county', 'country', 'peer'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const IMPORT_STATUSES = ['never', 'ok', 'failed'] as const;

/** The cap SSB sets on one data request (cells = the product of the selected values of every dimension). */
export const SSB_MAX_CELLS = 800_000;

/** SSB's population table (inhabitants by region, sex, one-year age and year, 1 January): the denominator of rates. */
export const SSB_POPULATION_TABLE = '07459';
/** The oldest one-year age group of 07459 (its code `105+` is 105 years and older). */
export const POPULATION_MAX_AGE = 105;

/** A code of a table, dimension or value as the sources write them; `*` and `?` are wildcards. */
const CodeSchema = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_.:*?æøåÆØÅ-]+$', 'x-text': 'line' });

export const DimensionSelectionSchema = Type.Object(
  {
    dimension: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_æøåÆØÅ-]+$', 'x-text': 'line' }),
    values: Type.Array(CodeSchema, { minItems: 1, maxItems: 200, description: 'Value codes; `*` selects every value.' }),
  },
  { additionalProperties: false },
);
export type DimensionSelection = Static<typeof DimensionSelectionSchema>;

export const RatePer1000Schema = Type.Object(
  {
    ageFrom: Type.Integer({ minimum: 0, maximum: POPULATION_MAX_AGE }),
    ageTo: Type.Integer({ minimum: 0, maximum: POPULATION_MAX_AGE, description: '105 means 105 years and older.' }),
  },
  {
    additionalProperties: false,
    description: 'SSB only: each series also per 1,000 inhabitants of these ages (table 07459; see the README).',
  },
);
export type RatePer1000 = Static<typeof RatePer1000Schema>;

/** Link an indicator to a series of SSB or FHI (replaces an earlier link; the values stay until the next import). */
export const LinkIndicatorSourceSchema = Type.Object(
  {
    provider: StatisticsProviderSchema,
    tableId: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[A-Za-z0-9_-]+$',
      'x-text': 'line',
      description: "SSB's table id (`08487`) or FHI's.",
    }),
    fhiSource: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        pattern: '^[A-Za-z0-9_-]+$',
        'x-text': 'line',
        description: 'FHI only: the source (`nokkel`, `ungdata`…); required with `fhi`.',
      }),
    ),
    selection: Type.Array(DimensionSelectionSchema, {
      maxItems: 12,
      description: 'The values of every dimension besides region and time (offence group, age, contents…).',
    }),
    regionDimension: Type.Optional(CodeSchema),
    timeDimension: Type.Optional(CodeSchema),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'The latest N periods (default 10).' })),
    compareCounty: Type.Optional(Type.Boolean({ description: 'Also import the county (default true).' })),
    compareCountry: Type.Optional(Type.Boolean({ description: 'Also import the whole country (default true).' })),
    peers: Type.Optional(Type.Array(KommunenummerSchema, { maxItems: 5, description: 'Peer municipalities to compare with.' })),
    ratePer1000: Type.Optional(RatePer1000Schema),
  },
  { additionalProperties: false },
);
export type LinkIndicatorSource = Static<typeof LinkIndicatorSourceSchema>;

export const SourceValueSchema = Type.Object(
  {
    region: Type.String({ description: 'The region code, old numbers mapped to today’s (KLASS 131).' }),
    regionLevel: Type.Enum([...REGION_LEVELS]),
    regionLabel: Nullable(Type.String()),
    series: Type.String({
      description: 'The codes of the other dimensions, `dimension=code` joined by `;`; a rate ends in `;per1000=Alder:15-24`.',
    }),
    seriesLabel: Type.String(),
    period: Type.String({ description: 'The period as the source writes it (`2023`, `2022-2023`, `2020_2022`).' }),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    value: Type.Union([Type.Number(), Type.Literal(SMALL_GROUP), Type.Null()], {
      description: 'Null when suppressed or missing (never 0); "<5" for a count of 1–4.',
    }),
    status: Type.Enum([...SOURCE_VALUE_STATUSES]),
    symbol: Nullable(Type.String({ description: 'The source’s own status symbol (":", "..").' })),
    origin: Type.Enum([...VALUE_ORIGINS], { description: '`ssb`/`fhi`: fetched from the provider; `file`: a downloaded file uploaded.' }),
    provider: StatisticsProviderSchema,
    tableId: Type.String({ description: 'The table the value was read from (kept when the link later changes).' }),
    licence: Type.String({ description: 'CC BY 4.0: show the provider and table with the value.' }),
    sourceUrl: Type.String(),
    fetchedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'SourceValue' },
);
export type SourceValue = Static<typeof SourceValueSchema>;

export const IndicatorSourceSchema = Type.Object(
  {
    indicatorId: UuidSchema,
    provider: StatisticsProviderSchema,
    tableId: Type.String(),
    fhiSource: Nullable(Type.String()),
    selection: Type.Array(DimensionSelectionSchema),
    regionDimension: Type.String(),
    timeDimension: Type.String(),
    periods: Type.Integer(),
    compareCounty: Type.Boolean(),
    compareCountry: Type.Boolean(),
    peers: Type.Array(KommunenummerSchema),
    ratePer1000: Nullable(RatePer1000Schema),
    unlinkedAt: Nullable(TimestampSchema, { description: 'When unlinked: the values stay, nothing is fetched.' }),
    licence: Type.String({ description: 'CC BY 4.0: the attribution goes with every value shown.' }),
    attribution: Type.String(),
    tableUrl: Type.String({ description: 'Where people can read the table.' }),
    lastStatus: Type.Enum([...IMPORT_STATUSES]),
    lastAttemptAt: Nullable(TimestampSchema),
    lastSuccessAt: Nullable(TimestampSchema),
    lastError: Nullable(Type.String({ description: 'Why the last import failed; the values of the last good import are kept.' })),
    values: Type.Array(SourceValueSchema, { description: 'By series, region and period.' }),
  },
  { additionalProperties: false, title: 'IndicatorSource' },
);
export type IndicatorSource = Static<typeof IndicatorSourceSchema>;

/** What anyone may read of every source of a municipality at once: the values and their attribution, not the link's workings. */
export const PublicIndicatorSourceSchema = Type.Pick(
  IndicatorSourceSchema,
  ['indicatorId', 'provider', 'tableId', 'licence', 'attribution', 'tableUrl', 'unlinkedAt', 'lastSuccessAt', 'values'],
  { additionalProperties: false, title: 'PublicIndicatorSource' },
);
export type PublicIndicatorSource = Static<typeof PublicIndicatorSourceSchema>;
export const PublicIndicatorSourceListSchema = Type.Object(
  { items: Type.Array(PublicIndicatorSourceSchema, { description: 'One per linked indicator (unlinked ones keep their values).' }) },
  { additionalProperties: false, title: 'PublicIndicatorSourceList' },
);
export type PublicIndicatorSourceList = Static<typeof PublicIndicatorSourceListSchema>;

export const SourceImportResultSchema = Type.Object(
  {
    origin: Type.Enum([...VALUE_ORIGINS]),
    cells: Type.Integer({ description: 'Cells read from the source.' }),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    suppressed: Type.Integer({ description: 'Of the cells, how many the source withheld.' }),
    missing: Type.Integer(),
    fetchedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'SourceImportResult' },
);
export type SourceImportResult = Static<typeof SourceImportResultSchema>;

export const SOURCE_FILE_FORMATS = ['json-stat2', 'csv'] as const;
export const SourceFileSchema = Type.Object(
  {
    format: Type.Enum([...SOURCE_FILE_FORMATS], {
      description:
        "`json-stat2`: a JSON-stat 2.0 dataset as SSB and FHI download it; `csv`: SSB's CSV (codes and texts, `;` or `,`) or FHI's csv3.",
    }),
    content: Type.String({ minLength: 1, maxLength: 8_000_000, 'x-text': 'text', description: 'The file as text (UTF-8).' }),
  },
  { additionalProperties: false },
);
export type SourceFile = Static<typeof SourceFileSchema>;
