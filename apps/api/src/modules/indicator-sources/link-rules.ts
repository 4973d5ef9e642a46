import { SSB_MAX_CELLS, type LinkIndicatorSource } from '@slt/shared';
import { InvalidFieldError } from '../../lib/errors.js';

/**
 * The rules of a link checked before anything is stored or asked of a source: FHI's source, the
 * dimensions named once, no peer the municipality itself, rates only of SSB, and a selection
 * that SSB can answer in one request (counted with what is known without asking: a wildcard as
 * at least one value, the municipality, its comparisons and the periods).
 */
export function checkLink(input: LinkIndicatorSource, at: { kommunenummer: string; regionDimension: string; timeDimension: string }): void {
  const { kommunenummer, regionDimension, timeDimension } = at;
  if (input.provider === 'fhi' && !input.fhiSource)
    throw new InvalidFieldError({
      in: 'body',
      name: 'fhiSource',
      detail: 'FHI tables need their source (`nokkel`, `ungdata`…).',
      code: 'required',
    });
  if (input.provider === 'ssb' && input.fhiSource)
    throw new InvalidFieldError({ in: 'body', name: 'fhiSource', detail: 'Only FHI tables have a source.' });
  const named = input.selection.map((s) => s.dimension);
  if (named.includes(regionDimension) || named.includes(timeDimension) || new Set(named).size !== named.length)
    throw new InvalidFieldError({
      in: 'body',
      name: 'selection',
      detail: 'Name each dimension once, and neither the region nor the time dimension (they are chosen by the import).',
    });
  if (input.peers?.includes(kommunenummer))
    throw new InvalidFieldError({ in: 'body', name: 'peers', detail: 'A municipality is not its own peer.' });
  if (input.ratePer1000 && input.provider !== 'ssb')
    throw new InvalidFieldError({
      in: 'body',
      name: 'ratePer1000',
      detail: 'Rates per 1,000 inhabitants are computed from SSB’s population table: SSB links only.',
    });
  if (input.ratePer1000 && input.ratePer1000.ageFrom > input.ratePer1000.ageTo)
    throw new InvalidFieldError({ in: 'body', name: 'ratePer1000', detail: 'The first age is after the last.' });
  if (input.provider === 'ssb') {
    const regions = 1 + ((input.compareCounty ?? true) ? 1 : 0) + ((input.compareCountry ?? true) ? 1 : 0) + (input.peers?.length ?? 0);
    const cells = input.selection.reduce(
      (n, s) => n * (s.values.some((v) => /[*?]/.test(v)) ? 1 : s.values.length),
      regions * (input.periods ?? 10),
    );
    if (cells > SSB_MAX_CELLS) throw tooManyCells(cells);
  }
}

/** The 400 problem of a selection larger than SSB answers in one request. */
export const tooManyCells = (cells: number) =>
  new InvalidFieldError({
    in: 'body',
    name: 'selection',
    detail: `The selection makes at least ${cells} cells; SSB answers at most ${SSB_MAX_CELLS} a request: select fewer values, regions or periods.`,
  });
