import { setupTestRun } from '@slt/api/test/global-setup';
import type { TestProject } from 'vitest/node';

/**
 * The API's test-run setup: the prepared embedded databases that each API process of these tests
 * starts from (a copy, instead of a cold first start), and the reaper of child processes.
 */
export default (project: TestProject) => setupTestRun(project, { postgres: false });
