import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { municipalityQueries } from '../municipalities/queries';
import { SetupNav } from './SetupNav';

/** The frame of a page where coordinators manage part of the setup: title, navigation, access. */
export function ManagePage({
  kommunenummer,
  title,
  intro,
  children,
}: {
  kommunenummer: string;
  title: (name: string) => string;
  intro?: string;
  children: ReactNode;
}) {
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  const heading = title(municipality.data?.name ?? kommunenummer);
  useDocumentTitle(heading);
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <SetupNav kommunenummer={kommunenummer} />
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </RequireRole>
  );
}
