import type { RequestInput, ResponseBody, RouteContract } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/**
 * Every key of a municipality's server state starts with ['municipality', kommunenummer]: one
 * invalidation (after an import, say) refreshes everything shown of that municipality.
 */
export const municipalityKey = (kommunenummer: string, ...rest: unknown[]) => ['municipality', kommunenummer, ...rest] as const;
/** The SLT setup's part: the chart, the lists and the register. */
export const sltKey = (kommunenummer: string, ...rest: unknown[]) => municipalityKey(kommunenummer, 'setup', ...rest);

type ParamsOf<C extends RouteContract> = RequestInput<C> extends { params: infer P } ? P : Record<string, never>;
/** A route's path parameters other than the municipality's number. */
export type OtherParamsOf<C extends RouteContract> = Exclude<keyof ParamsOf<C>, 'kommunenummer'> & string;

/** A route's request body, from the contract. */
export type BodyOf<C extends RouteContract> = RequestInput<C> extends { body: infer B } ? B : never;

/** A write to a route under /municipalities/:kommunenummer: the other path parameters, the body typed from the contract, the version it expects. */
export type MunicipalityWrite<C extends RouteContract> = { params?: Omit<ParamsOf<C>, 'kommunenummer'>; etag?: string } & (C extends {
  body: object;
}
  ? { body: BodyOf<C> }
  : { body?: never });

/** Sends one write of a municipality, typed from the route's contract; answers the body and the new ETag. */
export async function writeTo<C extends RouteContract>(
  kommunenummer: string,
  route: C,
  write: MunicipalityWrite<C>,
): Promise<{ body: ResponseBody<C>; etag: string }> {
  // The one place the municipality's number joins the other parameters: TypeScript cannot follow
  // that merge through the route's generic type, so the assembled input is asserted here.
  const input = {
    params: { kommunenummer, ...write.params },
    ...(write.body === undefined ? {} : { body: write.body }),
    headers: write.etag ? { 'if-match': write.etag } : {},
  } as unknown as RequestInput<C>;
  const { body, headers } = await api.request(route, input);
  return { body, etag: headers.get('etag') ?? '' };
}

/** Path parameters and query of a read (reads carry no body; the generic pages pass routes as data). */
interface ReadInput {
  params: Record<string, string>;
  query?: Record<string, unknown>;
  signal?: AbortSignal;
}
const read = (route: RouteContract, input: ReadInput) => api.request(route, input as unknown as RequestInput<RouteContract>);

/** Reads one resource with its ETag, for an edit that sends it back as If-Match. */
export async function readWithEtag<T>(route: RouteContract, params: Record<string, string>): Promise<{ item: T; etag: string }> {
  const { body, headers } = await read(route, { params });
  return { item: body as unknown as T, etag: headers.get('etag') ?? '' };
}

/** A list of a municipality's setup (`{ items }`), cached under its setup key. */
export function useList<T>(
  kommunenummer: string,
  name: string,
  route: RouteContract,
  params: Record<string, string> = {},
  query?: Record<string, unknown>,
) {
  return useQuery({
    queryKey: sltKey(kommunenummer, name, params, query ?? {}),
    queryFn: async ({ signal }) =>
      ((await read(route, { params: { kommunenummer, ...params }, query, signal })).body as unknown as { items: T[] }).items,
  });
}

/**
 * Writes to a municipality, typed from the contract: `send(routes.updateMembership, { params, body, etag })`.
 * Afterwards the setup's part of the municipality (['municipality', k, 'setup']) refetches before the promise resolves.
 */
export function useSetupWrite(kommunenummer: string) {
  const queryClient = useQueryClient();
  return {
    async send<C extends RouteContract>(route: C, write: MunicipalityWrite<C>): Promise<{ body: ResponseBody<C>; etag: string }> {
      try {
        return await writeTo(kommunenummer, route, write);
      } finally {
        await queryClient.invalidateQueries({ queryKey: sltKey(kommunenummer) });
      }
    },
    /**
     * A write from a page built from field descriptions (ResourcePage), which passes its routes as
     * data: the body is typed from the route's contract, the other path parameters by name.
     */
    async sendResource<C extends RouteContract>(
      route: C,
      write: { params?: Partial<Record<OtherParamsOf<C>, string>>; body?: BodyOf<C>; etag?: string },
    ): Promise<{ body: ResponseBody<C>; etag: string }> {
      try {
        // As in writeTo: the generic route's input cannot be followed through the merge by TypeScript.
        const input = {
          params: { kommunenummer, ...write.params },
          ...(write.body === undefined ? {} : { body: write.body }),
          headers: write.etag ? { 'if-match': write.etag } : {},
        } as unknown as RequestInput<C>;
        const { body, headers } = await api.request(route, input);
        return { body, etag: headers.get('etag') ?? '' };
      } finally {
        await queryClient.invalidateQueries({ queryKey: sltKey(kommunenummer) });
      }
    },
  };
}
