/**
 * The localStorage key of the flag (not the token) that says this browser had a session: read by
 * src/api.ts, and by index.html's route preload script (scripts/route-preload.ts writes it into the
 * script's table), which preloads public data only when the flag is not set.
 */
export const HAD_SESSION = 'slt.hadSession';
