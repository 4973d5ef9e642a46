import type {
  IndicatorSource,
  LinkIndicatorSource,
  PublicIndicatorSourceList,
  SourceFile,
  SourceImportResult,
  StatisticsProvider,
  ValueOrigin,
} from '@slt/shared';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { ConflictError, InvalidDocumentError, NotFoundError, PreconditionFailedError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { reportedValue } from '../../lib/small-groups.js';
import type { Actor, Scope } from '../../lib/scope.js';
import { toValueRows, type Regions, type ValueRow } from './cells.js';
import { createFhiClient, type FhiClient } from './fhi.client.js';
import { parseJsonStat, StatFormatError, type StatTable } from './json-stat.js';
import { createKlassClient, type KlassClient } from './klass.client.js';
import { parseSourceCsv } from './source-csv.js';
import { RequestLimiter, SourceError } from './source-http.js';
import { checkLink, tooManyCells } from './link-rules.js';
import { isRateSeries, populationByRegionYear, ratesPer1000, yearsOf } from './rates.js';
import { createSsbClient, TooManyCellsError, type SsbClient } from './ssb.client.js';
import { createIndicatorSourcesRepository, type LinkRow, type ValueRowStored, type ValueWritable } from './indicator-sources.repository.js';

export const LICENCE = 'CC BY 4.0';
const PROVIDER_NAMES: Record<StatisticsProvider, string> = {
  ssb: 'Statistisk sentralbyrå (SSB)',
  fhi: 'Folkehelseinstituttet (FHI Statistikk)',
};
/** The CC BY 4.0 attribution in Norwegian, as the providers ask for it: provider, table, licence. */
const attributionOf = (provider: StatisticsProvider, tableId: string) =>
  `Kilde: ${PROVIDER_NAMES[provider]}, tabell ${tableId}, ${LICENCE}`;
const DEFAULTS: Record<StatisticsProvider, { region: string; time: string; country: string }> = {
  ssb: { region: 'Region', time: 'Tid', country: '0' },
  fhi: { region: 'GEO', time: 'AAR', country: '0' },
};
/** SSB's symbol for a value withheld for confidentiality; FHI's table flags add theirs. */
const SUPPRESSED_SYMBOLS = [':'];

export interface IndicatorSourcesDeps {
  db: Db;
  ssb: SsbClient;
  fhi: FhiClient;
  klass: KlassClient;
  /** How often the scheduled import takes a link (ms); also the next run after an import. */
  everyMs: number;
}
interface Ids {
  goalId: string;
  indicatorId: string;
}

const keyOf = (v: { series: string; region: string; period: string }) => `${v.series}|${v.region}|${v.period}`;
const COMPARED = ['regionLevel', 'regionLabel', 'seriesLabel', 'periodStart', 'periodEnd', 'value', 'status', 'symbol'] as const;

export function createIndicatorSourcesService(deps: IndicatorSourcesDeps) {
  const { db, ssb, fhi, klass } = deps;
  const repo = createIndicatorSourcesRepository(db);

  const tableUrl = (link: Pick<LinkRow, 'provider' | 'tableId' | 'fhiSource'>) =>
    link.provider === 'ssb' ? ssb.tableUrl(link.tableId) : fhi.tableUrl(link.fhiSource ?? '', link.tableId);

  function toSource(link: LinkRow, unit: Parameters<typeof reportedValue>[0], values: ValueRowStored[]): IndicatorSource {
    return {
      indicatorId: link.indicatorId,
      provider: link.provider,
      tableId: link.tableId,
      fhiSource: link.fhiSource,
      selection: link.selection,
      regionDimension: link.regionDimension,
      timeDimension: link.timeDimension,
      periods: link.periods,
      compareCounty: link.compareCounty,
      compareCountry: link.compareCountry,
      peers: link.peers,
      ratePer1000: link.ratePer1000 ?? null,
      unlinkedAt: link.unlinkedAt?.toISOString() ?? null,
      licence: LICENCE,
      attribution: attributionOf(link.provider, link.tableId),
      tableUrl: tableUrl(link),
      lastStatus: link.lastStatus,
      lastAttemptAt: link.lastAttemptAt?.toISOString() ?? null,
      lastSuccessAt: link.lastSuccessAt?.toISOString() ?? null,
      lastError: link.lastError,
      values: values.map((v) => ({
        region: v.region,
        regionLevel: v.regionLevel,
        regionLabel: v.regionLabel,
        series: v.series,
        seriesLabel: v.seriesLabel,
        period: v.period,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        // A rate per 1,000 is not a count of persons: the "<5" rule is for counts.
        value: v.value === null ? null : isRateSeries(v.series) ? v.value : reportedValue(unit, v.value, null),
        status: v.status,
        symbol: v.symbol,
        origin: v.origin,
        provider: v.provider,
        tableId: v.tableId,
        licence: v.licence,
        sourceUrl: v.sourceUrl,
        fetchedAt: v.fetchedAt.toISOString(),
      })),
    };
  }

  async function indicatorAndLink(kommunenummer: string, { goalId, indicatorId }: Ids) {
    const indicator = found(
      await repo.findIndicator(kommunenummer, goalId, indicatorId),
      `There is no indicator ${indicatorId} on goal ${goalId} in ${kommunenummer}.`,
    );
    return { indicator, link: await repo.findLink(indicatorId) };
  }
  const linked = (link: LinkRow | undefined, indicatorId: string) => {
    if (!link || link.unlinkedAt)
      throw new ConflictError(`Indicator ${indicatorId} is not linked to a statistics source: link it first (PUT …/source).`);
    return link;
  };

  async function regionsOf(link: LinkRow, renamesRequired: boolean): Promise<Regions & { request: string[] }> {
    let renamed: Map<string, string> = new Map();
    try {
      renamed = await klass.municipalityRenames();
    } catch (error) {
      // A downloaded file is imported offline too: without KLASS, old numbers are then left out.
      if (renamesRequired || !(error instanceof SourceError)) throw error;
    }
    const k = link.kommunenummer;
    const olderNumbers = (code: string) => [...renamed].filter(([, now]) => now === code).map(([old]) => old);
    const county = link.compareCounty ? k.slice(0, 2) : null;
    const country = link.compareCountry ? DEFAULTS[link.provider].country : null;
    const request = [
      k,
      ...olderNumbers(k),
      ...(county ? [county] : []),
      ...(country ? [country] : []),
      ...link.peers.flatMap((p) => [p, ...olderNumbers(p)]),
    ];
    return { kommunenummer: k, county, country, peers: link.peers, renamed, request: [...new Set(request)] };
  }

  /** Stores the import's values in one transaction: new cells created, changed ones updated, the rest untouched. */
  async function store(
    actor: Actor,
    link: LinkRow,
    values: { rows: ValueRow[]; provenance: { origin: ValueOrigin; sourceUrl: string; fetchedAt: Date; cells: number } },
  ): Promise<SourceImportResult> {
    const { rows, provenance } = values;
    return db.transaction(async (tx) => {
      const r = createIndicatorSourcesRepository(tx);
      found(await r.findLink(link.indicatorId, { forUpdate: true }), `Indicator ${link.indicatorId} is no longer linked.`);
      const existing = new Map((await r.values(link.indicatorId)).map((v) => [keyOf(v), v]));
      const fresh: ValueWritable[] = [];
      let updated = 0;
      let unchanged = 0;
      const stamp = {
        origin: provenance.origin,
        provider: link.provider,
        tableId: link.tableId,
        sourceUrl: provenance.sourceUrl,
        licence: LICENCE,
        fetchedAt: provenance.fetchedAt,
      };
      for (const row of rows) {
        const before = existing.get(keyOf(row));
        if (!before) fresh.push({ ...row, ...stamp, indicatorId: link.indicatorId });
        else if (COMPARED.some((field) => before[field] !== row[field])) {
          await r.updateValue(before.id, { ...row, ...stamp });
          updated++;
        } else unchanged++;
      }
      await r.insertValues(fresh);
      await r.recordAttempt(
        link.indicatorId,
        { ok: true, at: provenance.fetchedAt },
        new Date(provenance.fetchedAt.getTime() + deps.everyMs),
      );
      if (fresh.length + updated > 0)
        await recordChange(tx, actor, {
          kommunenummer: link.kommunenummer,
          entity: 'indicator_source',
          entityId: link.indicatorId,
          action: 'import',
          before: { values: existing.size },
          after: {
            values: existing.size + fresh.length,
            created: fresh.length,
            updated,
            origin: provenance.origin,
            source: provenance.sourceUrl,
          },
        });
      return {
        origin: provenance.origin,
        cells: provenance.cells,
        created: fresh.length,
        updated,
        unchanged,
        suppressed: rows.filter((v) => v.status === 'suppressed').length,
        missing: rows.filter((v) => v.status === 'missing').length,
        fetchedAt: provenance.fetchedAt.toISOString(),
      };
    });
  }

  /** Fetches the link's series from its provider; a failure is recorded on the link (the values stay) and thrown. */
  async function fetchAndStore(actor: Actor, link: LinkRow): Promise<SourceImportResult> {
    const at = new Date();
    try {
      const regions = await regionsOf(link, true);
      const query = { ...link, regions: regions.request };
      let fetched: { table: StatTable; url: string; cells: number };
      let suppressed = new Set(SUPPRESSED_SYMBOLS);
      if (link.provider === 'ssb') fetched = await ssb.fetch(query);
      else {
        suppressed = new Set([...SUPPRESSED_SYMBOLS, ...(await fhi.suppressedSymbols(link.fhiSource!, link.tableId))]);
        fetched = await fhi.fetch({ ...query, source: link.fhiSource! });
      }
      let rows: ValueRow[];
      try {
        rows = toValueRows(fetched.table, link, { regions, suppressedSymbols: suppressed });
      } catch (error) {
        if (error instanceof StatFormatError)
          throw new SourceError(`The data of table ${link.tableId} does not fit the link: ${error.message}`);
        throw error;
      }
      if (link.provider === 'ssb' && link.ratePer1000) rows = [...rows, ...(await withRates(rows, { regions, ages: link.ratePer1000 }))];
      return await store(actor, link, {
        rows,
        provenance: { origin: link.provider, sourceUrl: fetched.url, fetchedAt: at, cells: fetched.cells },
      });
    } catch (error) {
      if (error instanceof SourceError)
        await repo.recordAttempt(link.indicatorId, { ok: false, at, error: error.message }, new Date(at.getTime() + deps.everyMs));
      // Too many cells is the link's fault, not the source's: a 400 naming the selection.
      if (error instanceof TooManyCellsError) throw tooManyCells(error.cells);
      throw error;
    }
  }

  /** The rows as rates per 1,000 inhabitants of the age group, from SSB's 07459 for the same regions and years. */
  async function withRates(rows: ValueRow[], on: { regions: Regions & { request: string[] }; ages: NonNullable<LinkRow['ratePer1000']> }) {
    const years = [...new Set(rows.flatMap(yearsOf))].sort();
    if (years.length === 0) return [];
    const { table } = await ssb.fetchPopulation({ regions: on.regions.request, years, ages: on.ages });
    try {
      return ratesPer1000(rows, populationByRegionYear(table, on.regions.renamed), on.ages);
    } catch (error) {
      if (error instanceof StatFormatError) throw new SourceError(`SSB's population table does not fit: ${error.message}`);
      throw error;
    }
  }

  return {
    /** Every source of the municipality, public fields only, in two queries (links, then all their values). */
    async list({ kommunenummer }: Scope): Promise<PublicIndicatorSourceList> {
      const links = await repo.linksOf(kommunenummer);
      const byIndicator = new Map<string, ValueRowStored[]>();
      for (const v of await repo.valuesOf(links.map((l) => l.link.indicatorId)))
        byIndicator.set(v.indicatorId, [...(byIndicator.get(v.indicatorId) ?? []), v]);
      return {
        items: links.map(({ link, unit }) => {
          const s = toSource(link, unit, byIndicator.get(link.indicatorId) ?? []);
          return {
            indicatorId: s.indicatorId,
            provider: s.provider,
            tableId: s.tableId,
            licence: s.licence,
            attribution: s.attribution,
            tableUrl: s.tableUrl,
            unlinkedAt: s.unlinkedAt,
            lastSuccessAt: s.lastSuccessAt,
            values: s.values,
          };
        }),
      };
    },

    async get({ kommunenummer }: Scope, ids: Ids): Promise<IndicatorSource> {
      const { indicator, link } = await indicatorAndLink(kommunenummer, ids);
      const row = found(link, `Indicator ${ids.indicatorId} is not linked to a statistics source.`);
      return toSource(row, indicator.unit, await repo.values(ids.indicatorId));
    },

    async link(scope: Scope, change: { ids: Ids; input: LinkIndicatorSource; expected: ExpectedVersion }): Promise<IndicatorSource> {
      const { ids, input, expected } = change;
      const { kommunenummer, actor } = scope;
      const defaults = DEFAULTS[input.provider];
      const regionDimension = input.regionDimension ?? defaults.region;
      const timeDimension = input.timeDimension ?? defaults.time;
      checkLink(input, { kommunenummer, regionDimension, timeDimension });
      await db.transaction(async (tx) => {
        const r = createIndicatorSourcesRepository(tx);
        const indicator = found(
          await r.findIndicator(kommunenummer, ids.goalId, ids.indicatorId),
          `There is no indicator ${ids.indicatorId} on goal ${ids.goalId} in ${kommunenummer}.`,
        );
        const before = await r.findLink(ids.indicatorId, { forUpdate: true });
        // A first link has nothing to be stale against (If-Match: *); a change is checked against the source as read.
        if (before) checkVersion(expected, toSource(before, indicator.unit, await r.values(ids.indicatorId)));
        else if (expected !== 'any') throw new PreconditionFailedError('The indicator has no source yet: link it with If-Match: *.');
        const values = {
          indicatorId: ids.indicatorId,
          kommunenummer,
          provider: input.provider,
          tableId: input.tableId,
          fhiSource: input.fhiSource ?? null,
          selection: input.selection,
          regionDimension,
          timeDimension,
          periods: input.periods ?? 10,
          compareCounty: input.compareCounty ?? true,
          compareCountry: input.compareCountry ?? true,
          peers: input.peers ?? [],
          ratePer1000: input.ratePer1000 ?? null,
          unlinkedAt: null,
        };
        const after = await r.upsertLink(values);
        const auditable = (l: LinkRow | undefined) =>
          l
            ? {
                provider: l.provider,
                tableId: l.tableId,
                fhiSource: l.fhiSource,
                selection: l.selection,
                periods: l.periods,
                compareCounty: l.compareCounty,
                compareCountry: l.compareCountry,
                peers: l.peers,
                ratePer1000: l.ratePer1000,
              }
            : null;
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'indicator_source',
          entityId: ids.indicatorId,
          action: before ? 'update' : 'create',
          before: auditable(before),
          after: auditable(after),
        });
      });
      return this.get(scope, ids);
    },

    /** Unlinks the indicator: nothing is fetched any more; the imported values stay as they are, with their origin. */
    async unlink(scope: Scope, change: { ids: Ids; expected: ExpectedVersion }): Promise<void> {
      const { ids, expected } = change;
      const { kommunenummer, actor } = scope;
      await db.transaction(async (tx) => {
        const r = createIndicatorSourcesRepository(tx);
        const indicator = found(
          await r.findIndicator(kommunenummer, ids.goalId, ids.indicatorId),
          `There is no indicator ${ids.indicatorId} on goal ${ids.goalId} in ${kommunenummer}.`,
        );
        const before = await r.findLink(ids.indicatorId, { forUpdate: true });
        if (!before || before.unlinkedAt) throw new NotFoundError(`Indicator ${ids.indicatorId} is not linked to a statistics source.`);
        checkVersion(expected, toSource(before, indicator.unit, await r.values(ids.indicatorId)));
        await r.unlink(ids.indicatorId);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'indicator_source',
          entityId: ids.indicatorId,
          action: 'unlink',
          before: { provider: before.provider, tableId: before.tableId, selection: before.selection },
          after: null,
        });
      });
    },

    async importNow({ kommunenummer, actor }: Scope, ids: Ids): Promise<SourceImportResult> {
      const { link } = await indicatorAndLink(kommunenummer, ids);
      return fetchAndStore(actor, linked(link, ids.indicatorId));
    },

    async importFile({ kommunenummer, actor }: Scope, ids: Ids, file: SourceFile): Promise<SourceImportResult> {
      const link = linked((await indicatorAndLink(kommunenummer, ids)).link, ids.indicatorId);
      let rows: ValueRow[];
      try {
        const table = file.format === 'json-stat2' ? parseJsonStat(file.content) : parseSourceCsv(file.content, link);
        rows = toValueRows(table, link, { regions: await regionsOf(link, false), suppressedSymbols: new Set(SUPPRESSED_SYMBOLS) });
      } catch (error) {
        if (error instanceof StatFormatError)
          throw new InvalidDocumentError([{ in: 'body', pointer: '/content', name: 'content', detail: error.message, code: 'invalid' }]);
        throw error;
      }
      if (rows.length === 0)
        throw new InvalidDocumentError([
          {
            in: 'body',
            pointer: '/content',
            name: 'content',
            detail: `The file holds no values for ${kommunenummer} or its comparisons.`,
            code: 'invalid',
          },
        ]);
      return store(actor, link, {
        rows,
        provenance: { origin: 'file', sourceUrl: tableUrl(link), fetchedAt: new Date(), cells: rows.length },
      });
    },

    /** The scheduled import: takes due links one by one (any number of replicas), until none is due. */
    async runDue(actor: Actor, onFailure: (indicatorId: string, error: Error) => void): Promise<number> {
      let done = 0;
      for (let claimed = await repo.claimDue(deps.everyMs); claimed; claimed = await repo.claimDue(deps.everyMs)) {
        const link = await repo.findLink(claimed.indicatorId);
        if (!link) continue;
        try {
          await fetchAndStore(actor, link);
          done++;
        } catch (error) {
          onFailure(claimed.indicatorId, error as Error);
        }
      }
      return done;
    },
  };
}

export type IndicatorSourcesService = ReturnType<typeof createIndicatorSourcesService>;

/** The service with its source clients, each with its own request limiter, from the configuration. */
export function indicatorSourcesFromConfig(
  db: Db,
  config: Pick<
    Config,
    | 'ssbApiUrl'
    | 'klassApiUrl'
    | 'fhiApiUrl'
    | 'statsRequestsPerMinute'
    | 'statsTimeoutMs'
    | 'statsMaxRetryAfterSeconds'
    | 'statsImportEveryDays'
  >,
): IndicatorSourcesService {
  const http = () => ({
    limiter: new RequestLimiter(config.statsRequestsPerMinute),
    timeoutMs: config.statsTimeoutMs,
    maxRetryAfterMs: config.statsMaxRetryAfterSeconds * 1000,
  });
  // SSB's limit is per address across PxWebApi and KLASS (both data.ssb.no): one limiter for both.
  const ssbHttp = http();
  return createIndicatorSourcesService({
    db,
    ssb: createSsbClient(config.ssbApiUrl, ssbHttp),
    klass: createKlassClient(config.klassApiUrl, ssbHttp),
    fhi: createFhiClient(config.fhiApiUrl, http()),
    everyMs: (config.statsImportEveryDays || 7) * 24 * 60 * 60 * 1000,
  });
}
