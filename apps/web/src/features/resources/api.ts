import type { RouteContract } from '@slt/shared/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/**
 * Server state of a municipality's SLT setup. Every key starts with ['slt', kommunenummer], so one
 * invalidation after any write refreshes the chart, the lists and the register together.
 */
export const sltKey = (kommunenummer: string, ...rest: unknown[]) => ['slt', kommunenummer, ...rest] as const;

/** Calls a contract route loosely typed (the generic pages pass routes around as data). */
export const callRoute = (route: RouteContract, input: { params: Record<string, string>; body?: unknown; headers?: Record<string, string>; query?: Record<string, unknown> }) =>
  api.call(route, input as never) as Promise<unknown>;

/** Reads one resource with its ETag, for an edit that sends it back as If-Match. */
export async function readWithEtag<T>(route: RouteContract, params: Record<string, string>): Promise<{ item: T; etag: string }> {
  const { body, headers } = await api.request(route, { params } as never);
  return { item: body as T, etag: headers.get('etag') ?? '' };
}

export function useList<T>(
  kommunenummer: string,
  name: string,
  route: RouteContract,
  params: Record<string, string> = {},
  query?: Record<string, unknown>,
) {
  return useQuery({
    queryKey: sltKey(kommunenummer, name, params, query ?? {}),
    queryFn: async () => ((await callRoute(route, { params: { kommunenummer, ...params }, query })) as { items: T[] }).items,
  });
}

/** A write to the setup; afterwards everything under ['slt', kommunenummer] refetches. */
export function useSetupWrite(kommunenummer: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: { route: RouteContract; params?: Record<string, string>; body?: unknown; etag?: string }) =>
      callRoute(write.route, {
        params: { kommunenummer, ...write.params },
        body: write.body,
        headers: write.etag ? { 'if-match': write.etag } : {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sltKey(kommunenummer) }),
  });
}
