import type { TestProject } from 'vitest/node';
import reaper from '@slt/testing/reaper';
import { loadConfig } from '../src/config.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedTemplatesDir } from '@slt/testing/run-dirs';
import { buildApiJs } from './api-js.js';
import { prepareTemplates } from './database-templates.js';
import { preparedOnce } from './run-once.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API's server as JavaScript (api-js.ts), or null: start it from its TypeScript source. */
    sltApiServer: string | null;
  }
}

/** The API as JavaScript, made once per run (in the run's shared directory when there is one); its folder is removed by `dispose`. */
async function apiJs(): Promise<{ server: string | null; dispose: () => void }> {
  const shared = sharedTemplatesDir();
  if (shared)
    return { server: await preparedOnce(shared, 'api-js', async (root) => (await buildApiJs(root)) ?? null), dispose: () => undefined };
  const root = mkdtempSync(path.join(tmpdir(), 'slt-api-js-'));
  return { server: (await buildApiJs(root)) ?? null, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Vitest global setup of every package whose tests start the API or its database (the API's own,
 * the CLI's, the web client's): the reaper (no child process outlives the run) and the prepared
 * databases (see database-templates.ts), handed to the tests as `inject('sltTemplates')`, and the
 * API as JavaScript for the API processes they start (`inject('sltApiServer')`, see api-js.ts).
 * `postgres`: also prepare template databases on DATABASE_URL's server (the API suite's second CI run).
 */
export async function setupTestRun(project: TestProject, options: { postgres: boolean }) {
  const stopReaper = reaper();
  const disposers: (() => unknown)[] = [stopReaper];
  const disposeAll = async () => {
    for (const dispose of disposers.reverse()) await dispose();
  };
  try {
    const { templates, dispose } = await prepareTemplates({ postgresUrl: options.postgres ? loadConfig().databaseUrl : undefined });
    disposers.push(dispose);
    project.provide('sltTemplates', templates);
    const js = await apiJs();
    disposers.push(js.dispose);
    project.provide('sltApiServer', js.server);
    return disposeAll;
  } catch (error) {
    await disposeAll();
    throw error;
  }
}

export default (project: TestProject) => setupTestRun(project, { postgres: true });
