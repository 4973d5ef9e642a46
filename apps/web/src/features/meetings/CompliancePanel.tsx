import { Alert, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { Compliance, ComplianceStatus } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { describeRule } from '../slt/meeting-rule';
import { meetingQueries } from './api';
import { ComplianceTag } from './StatusTags';
import { currentYearOslo } from './time';
import '../../i18n/meetings';

/** Worst first: the tiers that need attention lead; tiers without a rule come last. */
const ORDER: Record<string, number> = { behind: 0, at_risk: 1, on_track: 2, met: 3 };
const rank = (status: string | null) => (status === null ? 4 : (ORDER[status] ?? 4));

/** How each tier keeps its meeting rule this year: held / required per period, planned ahead, and a status in words. */
export function CompliancePanel({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const year = currentYearOslo();
  const compliance = useQuery(meetingQueries.compliance(kommunenummer, year));
  return (
    <section aria-labelledby="compliance" className="section panel compliance">
      <Heading level={2} data-size="sm" id="compliance">
        {t('meetings.compliance.title', { year })}
      </Heading>
      <Paragraph data-size="sm">{t('meetings.compliance.intro')}</Paragraph>
      {compliance.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : compliance.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : (
        <TierList compliance={compliance.data} />
      )}
      <Paragraph>
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/meetings" params={{ kommunenummer }}>
            {t('meetings.compliance.toMeetings')}
          </Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}

function TierList({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  const tiers = [...compliance.tiers].sort((a, b) => rank(a.status) - rank(b.status));
  if (tiers.length === 0) return <Paragraph>{t('meetings.compliance.noTiers')}</Paragraph>;
  return (
    <ul className="plain compliance-tiers">
      {tiers.map((tier) => (
        <li key={tier.tierId} className="compliance-tier">
          <div className="compliance-head">
            <Heading level={3} data-size="2xs" id={`compliance-${tier.tierId}`}>
              {tier.name}
            </Heading>
            {tier.status ? (
              <ComplianceTag status={tier.status as ComplianceStatus} />
            ) : (
              <Tag data-color="neutral">{t('meetings.compliance.noRule')}</Tag>
            )}
          </div>
          <Paragraph data-size="sm" className="muted">
            {describeRule(t, tier.meetingRule)}
          </Paragraph>
          {tier.periods.length > 0 && (
            <ul className="plain">
              {tier.periods.map((p) => (
                <li key={p.period}>
                  <span className="period-name">{t(`meetings.compliance.periods.${p.period}`)}:</span>{' '}
                  <span className="held">{t('meetings.compliance.held', { held: p.held, required: p.required })}</span>
                  {' · '}
                  {t('meetings.compliance.plannedAhead', { count: p.planned })} <ComplianceTag status={p.status} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
