import { routes } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { sltKey } from '../resources/api';

export const setupQuery = (kommunenummer: string, signedIn: boolean) =>
  queryOptions({
    // The view depends on who asks: signing in or out must not reuse the other view's answer.
    queryKey: sltKey(kommunenummer, 'setup', signedIn),
    queryFn: ({ signal }) => api.call(routes.getSltSetup, { params: { kommunenummer }, signal }),
  });
