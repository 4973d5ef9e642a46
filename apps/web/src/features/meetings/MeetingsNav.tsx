import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';

const PAGES = [
  ['meetings', '/municipalities/$kommunenummer/meetings', false],
  ['yearPlan', '/municipalities/$kommunenummer/year-plan', false],
  ['tasks', '/municipalities/$kommunenummer/tasks', true],
] as const;

/** Between the meeting pages: the calendar, the year plan and (for the municipality's users) my tasks. */
export function MeetingsNav({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const internal = hasRole(user, kommunenummer, 'member');
  return (
    <nav aria-label={t('nav.meetingsNav')} className="setup-nav no-print">
      {PAGES.filter(([, , needsUser]) => internal || !needsUser).map(([key, to]) => (
        <DsLink asChild key={key}>
          <Link
            to={to}
            params={{ kommunenummer }}
            activeProps={{ 'aria-current': 'page' }}
            activeOptions={{ exact: true, includeSearch: false }}
          >
            {t(`nav.${key}`)}
          </Link>
        </DsLink>
      ))}
    </nav>
  );
}
