import { Button, Paragraph } from '@digdir/designsystemet-react';
import { routes, type IndicatorSource, type LinkIndicatorSource } from '@slt/shared/browser';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceLinkTexts } from '../../i18n/statistics/link';
import { writeTo } from '../resources/api';
import type { AnyField, FormValues } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';

/**
 * The form's texts come with this chunk (see i18n/statistics/link.ts): merged into the catalog of
 * the language shown, again after a catalog loaded later replaced its `statistics` part.
 */
export function useSourceLinkTexts(): void {
  const { i18n } = useTranslation();
  for (const language of new Set([i18n.language, 'nb'])) {
    const texts = sourceLinkTexts[language as keyof typeof sourceLinkTexts];
    if (
      texts &&
      i18next.hasResourceBundle(language, 'translation') &&
      !i18next.getResource(language, 'translation', 'statistics.link.heading')
    )
      i18next.addResourceBundle(language, 'translation', { statistics: { link: texts } }, true, false);
  }
}

/** The selection as lines of `Dimension=code,code`. */
const selectionLines = (source: IndicatorSource | null) => (source?.selection ?? []).map((s) => `${s.dimension}=${s.values.join(',')}`);

function linkBody(values: FormValues): LinkIndicatorSource {
  const text = (name: string) => String(values[name] ?? '').trim();
  const number = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
  const lines = Array.isArray(values['selection']) ? values['selection'] : [];
  const ageFrom = number('ageFrom');
  const ageTo = number('ageTo');
  return {
    provider: text('provider') as LinkIndicatorSource['provider'],
    tableId: text('tableId'),
    ...(text('fhiSource') ? { fhiSource: text('fhiSource') } : {}),
    selection: lines.map((line) => {
      const [dimension = '', codes = ''] = line.split('=', 2);
      return {
        dimension: dimension.trim(),
        values: codes
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      };
    }),
    ...(number('periods') !== undefined ? { periods: number('periods') } : {}),
    ...(ageFrom !== undefined || ageTo !== undefined ? { ratePer1000: { ageFrom: ageFrom ?? 0, ageTo: ageTo ?? 105 } } : {}),
    compareCounty: values['compareCounty'] === true,
    compareCountry: values['compareCountry'] === true,
  };
}

/**
 * Coordinators link an indicator to an SSB or FHI table (or change the link), and unlink it; the
 * API's refusals show at their fields. Part of the statistics chunk, loaded with the goal page's panel.
 */
export function SourceLinkForm(props: {
  kommunenummer: string;
  ids: { goalId: string; indicatorId: string };
  source: { item: IndicatorSource; etag: string } | null;
  onSaved: (message: string) => Promise<void>;
}) {
  const { kommunenummer, ids, source, onSaved } = props;
  useSourceLinkTexts();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const s = source?.item ?? null;
  const fields: AnyField[] = [
    {
      name: 'provider',
      kind: 'select',
      label: t('statistics.link.provider'),
      required: true,
      options: (['ssb', 'fhi'] as const).map((p) => ({ value: p, label: t(`statistics.providers.${p}`) })),
    },
    { name: 'tableId', kind: 'text', label: t('statistics.link.tableId'), required: true },
    { name: 'fhiSource', kind: 'text', label: t('statistics.link.fhiSource') },
    { name: 'selection', kind: 'lines', label: t('statistics.link.selection') },
    { name: 'periods', kind: 'number', label: t('statistics.link.periods') },
    { name: 'ageFrom', kind: 'number', label: t('statistics.link.ageFrom'), virtual: true },
    { name: 'ageTo', kind: 'number', label: t('statistics.link.ageTo'), virtual: true },
    { name: 'compareCounty', kind: 'checkbox', label: t('statistics.link.compareCounty') },
    { name: 'compareCountry', kind: 'checkbox', label: t('statistics.link.compareCountry') },
  ];
  const initial: FormValues = {
    provider: s?.provider ?? 'ssb',
    tableId: s?.tableId ?? '',
    fhiSource: s?.fhiSource ?? '',
    selection: selectionLines(s),
    periods: String(s?.periods ?? 10),
    ageFrom: s?.ratePer1000 ? String(s.ratePer1000.ageFrom) : '',
    ageTo: s?.ratePer1000 ? String(s.ratePer1000.ageTo) : '',
    compareCounty: s?.compareCounty ?? true,
    compareCountry: s?.compareCountry ?? true,
  };
  const unlink = async () => {
    if (!source) return;
    setBusy(true);
    try {
      await writeTo(kommunenummer, routes.unlinkIndicatorSource, { params: ids, etag: source.etag });
      await onSaved(t('statistics.link.unlinkDone'));
    } finally {
      setBusy(false);
    }
  };
  const linked = s !== null && s.unlinkedAt === null;
  return (
    <details className="panel">
      <summary>{linked ? t('statistics.link.change') : t('statistics.link.heading')}</summary>
      <Paragraph data-size="sm">{t('statistics.link.licence')}</Paragraph>
      <ResourceForm
        id={`source-link-${ids.indicatorId}`}
        fields={fields}
        initial={initial}
        submitLabel={t('statistics.link.save')}
        fieldOf={(name) => (name === 'ratePer1000' ? 'ageFrom' : undefined)}
        onSubmit={async (values) => {
          await writeTo(kommunenummer, routes.linkIndicatorSource, { params: ids, body: linkBody(values), etag: source?.etag ?? '*' });
          await onSaved(t('statistics.link.saved'));
        }}
        extraButtons={
          linked ? (
            <Button type="button" variant="tertiary" data-size="sm" disabled={busy} onClick={() => void unlink()}>
              {t('statistics.link.unlink')}
            </Button>
          ) : undefined
        }
      />
    </details>
  );
}
