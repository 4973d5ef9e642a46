import { Alert } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { Role } from '@slt/shared/browser';
import { Navigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from './session';

/** Renders its children only for users with `role` in the municipality; others sign in or are told no. */
export function RequireRole({ kommunenummer, role, children }: { kommunenummer: string; role: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, ready } = useSession();
  if (!ready) return <Spinner aria-label={t('common.loading')} />;
  if (!user) return <Navigate to="/login" />;
  if (!hasRole(user, kommunenummer, role)) return <Alert data-color="warning">{t('common.accessDenied')}</Alert>;
  return <>{children}</>;
}
