import { routes } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { sltKey } from '../resources/api';

export const setupQuery = (kommunenummer: string, signedIn: boolean) =>
  queryOptions({
    // The view depends on who asks: signing in or out must not reuse the other view's answer.
    queryKey: sltKey(kommunenummer, 'setup', signedIn),
    // Without a session, the public view's own address: the one index.html preloads (scripts/route-preload.ts).
    queryFn: ({ signal }) =>
      api.call(routes.getSltSetup, { params: { kommunenummer }, ...(signedIn ? {} : { query: { view: 'public' } }), signal }),
  });

/** How many measures the setup page lists; the rest are a link away (the setup only counts them). */
export const SETUP_MEASURES_SHOWN = 20;

/** The first measures of the caller's view, for the setup page (the setup itself holds only their count). */
export const setupMeasuresQuery = (kommunenummer: string, signedIn: boolean) =>
  queryOptions({
    queryKey: sltKey(kommunenummer, 'setup-measures', signedIn),
    queryFn: ({ signal }) => api.call(routes.listMeasures, { params: { kommunenummer }, query: { limit: SETUP_MEASURES_SHOWN }, signal }),
  });
