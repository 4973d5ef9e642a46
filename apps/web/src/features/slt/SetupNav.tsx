import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const PAGES = [
  ['slt', '/municipalities/$kommunenummer/slt'],
  ['profile', '/municipalities/$kommunenummer/profile'],
  ['tiers', '/municipalities/$kommunenummer/tiers'],
  ['members', '/municipalities/$kommunenummer/members'],
  ['organizations', '/municipalities/$kommunenummer/organizations'],
  ['targetGroups', '/municipalities/$kommunenummer/target-groups'],
  ['focusAreas', '/municipalities/$kommunenummer/focus-areas'],
  ['goals', '/municipalities/$kommunenummer/goals'],
  ['measures', '/municipalities/$kommunenummer/measures'],
  ['meetings', '/municipalities/$kommunenummer/meetings'],
  ['yearPlan', '/municipalities/$kommunenummer/year-plan'],
  ['tasks', '/municipalities/$kommunenummer/tasks'],
] as const;

/** Between the pages that describe a municipality's SLT setup (for its coordinators). */
export function SetupNav({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.setup')} className="setup-nav">
      {PAGES.map(([key, to]) => (
        <DsLink asChild key={key}>
          <Link to={to} params={{ kommunenummer }} activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: true }}>
            {t(`nav.${key}`)}
          </Link>
        </DsLink>
      ))}
    </nav>
  );
}
