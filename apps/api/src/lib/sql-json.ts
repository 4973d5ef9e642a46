/**
 * SQL fragments for reads that PostgreSQL serializes itself (`GET …/slt`, `GET …/measures`): the
 * document leaves the database as JSON text and is sent as is.
 */

/** Timestamps as the rest of the API writes them (`Date#toISOString`). */
export const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
