import { SMALL_GROUP, type IndicatorUnit, type MeasuredValue } from '@slt/shared';

/**
 * Group level only: a value that stems from fewer than 5 persons is reported as "<5", as Ungdata
 * and SSB do — a count of 1–4, or any value whose group size is under 5. The exact value is kept in
 * the database for the record but never leaves the API.
 */
export function reportedValue(unit: IndicatorUnit, value: number, groupSize: number | null): MeasuredValue {
  if (groupSize !== null && groupSize < 5) return SMALL_GROUP;
  if (unit === 'count' && value >= 1 && value < 5) return SMALL_GROUP;
  return value;
}

/**
 * The same rule in SQL, for reads assembled in the database (`GET …/slt`): a JSON value, given the
 * SQL expressions of the indicator's unit, the value and the group size. Kept next to the function
 * above so the two cannot drift apart unnoticed (small-groups.test.ts runs both on the same cases).
 */
export const reportedValueSql = (unit: string, value: string, groupSize: string): string =>
  `case when (${groupSize} is not null and ${groupSize} < 5) or (${unit} = 'count' and ${value} >= 1 and ${value} < 5) ` +
  `then to_json('${SMALL_GROUP}'::text) else to_json(${value}) end`;
