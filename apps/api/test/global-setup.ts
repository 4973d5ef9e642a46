import type { TestProject } from 'vitest/node';
import reaper from '@slt/testing/reaper';
import { loadConfig } from '../src/config.js';
import { prepareTemplates } from './database-templates.js';

/**
 * Vitest global setup of every package whose tests start the API or its database (the API's own,
 * the CLI's, the web client's): the reaper (no child process outlives the run) and the prepared
 * databases (see database-templates.ts), handed to the tests as `inject('sltTemplates')`.
 * `postgres`: also prepare template databases on DATABASE_URL's server (the API suite's second CI run).
 */
export async function setupTestRun(project: TestProject, options: { postgres: boolean }) {
  const stopReaper = reaper();
  try {
    const { templates, dispose } = await prepareTemplates({ postgresUrl: options.postgres ? loadConfig().databaseUrl : undefined });
    project.provide('sltTemplates', templates);
    return async () => {
      await dispose();
      stopReaper();
    };
  } catch (error) {
    stopReaper();
    throw error;
  }
}

export default (project: TestProject) => setupTestRun(project, { postgres: true });
