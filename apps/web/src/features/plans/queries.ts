import { routes, type Plan } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { saveFile } from '../../save-file';
import { municipalityKey } from '../resources/api';
import { todayOslo } from '../meetings/time';

/** Server state of a municipality's plans, under ['municipality', k, 'plans']. */
export const plansKey = (kommunenummer: string, ...rest: unknown[]) => municipalityKey(kommunenummer, 'plans', ...rest);

export const planQueries = {
  list: (kommunenummer: string) =>
    queryOptions({
      queryKey: plansKey(kommunenummer, 'list'),
      queryFn: async ({ signal }) => (await api.call(routes.listPlans, { params: { kommunenummer }, signal })).items,
    }),
  /** One plan with its ETag, sent back as If-Match by every change. */
  detail: (kommunenummer: string, planId: string) =>
    queryOptions({
      queryKey: plansKey(kommunenummer, 'plan', planId),
      queryFn: async ({ signal }): Promise<{ item: Plan; etag: string }> => {
        const { body, headers } = await api.request(routes.getPlan, { params: { kommunenummer, planId }, signal });
        return { item: body, etag: headers.get('etag') ?? '' };
      },
    }),
};

/** Downloads the plan as DOCX or PDF with the in-memory token (a plain link would not carry it); returns the file name. */
export async function downloadPlan(kommunenummer: string, plan: Plan, format: 'docx' | 'pdf'): Promise<string> {
  const response = await api.send(routes.getPlanDocument, { params: { kommunenummer, planId: plan.id, format } });
  const blob = await response.blob();
  const fileName = `handlingsplan-${kommunenummer}-${plan.periodStart.slice(0, 4)}-${plan.periodEnd.slice(0, 4)}-${todayOslo()}.${format}`;
  saveFile(blob, fileName);
  return fileName;
}
