import { jsonOf, requestSource, SourceError, type SourceHttpOptions } from './source-http.js';

/** How long a process keeps KLASS's list of municipality changes (they change once a year at most). */
const CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * SSB's classification service, classification 131 (municipalities): the changes of numbers since
 * `from` (`GET {base}/classifications/131/changes?from=YYYY-MM-DD`, answered
 * `{ "codeChanges": [{ "oldCode", "oldName", "newCode", "newName", "changeOccurred" }] }`).
 */
export function createKlassClient(baseUrl: string, http: SourceHttpOptions) {
  let cached: { at: number; changes: Map<string, string> } | undefined;
  return {
    /** Every old number mapped to the number it has today (changes followed to their end). */
    async municipalityRenames(): Promise<Map<string, string>> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.changes;
      const url = `${baseUrl}/classifications/131/changes?from=1990-01-01`;
      const document = await jsonOf('SSB KLASS', await requestSource('SSB KLASS', { url, accept: 'application/json' }, http));
      const list = (document as { codeChanges?: unknown }).codeChanges;
      if (!Array.isArray(list)) throw new SourceError('SSB KLASS answered without "codeChanges".');
      const direct = new Map<string, string>();
      const ordered = [...(list as unknown[])].sort((a, b) =>
        String((a as { changeOccurred?: string }).changeOccurred).localeCompare(String((b as { changeOccurred?: string }).changeOccurred)),
      );
      for (const change of ordered) {
        const { oldCode, newCode } = change as { oldCode?: unknown; newCode?: unknown };
        if (typeof oldCode === 'string' && typeof newCode === 'string' && oldCode !== newCode) direct.set(oldCode, newCode);
      }
      const changes = new Map<string, string>();
      for (const old of direct.keys()) {
        let current = old;
        for (let hops = 0; direct.has(current) && hops < 10; hops++) current = direct.get(current)!;
        changes.set(old, current);
      }
      cached = { at: Date.now(), changes };
      return changes;
    },
  };
}
export type KlassClient = ReturnType<typeof createKlassClient>;
