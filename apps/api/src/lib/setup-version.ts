import { createHash } from 'node:crypto';
import { osloDay } from './oslo-time.js';
import type { Scope } from './scope.js';

/**
 * The ETag of a read declared `etag: 'setup'` in its contract: everything such an answer depends
 * on, without building it. The setup versions (host's and own, read with the scope in one
 * statement) move in the transaction of every audited write (the `audit_log` trigger of migration
 * 0006); the URL carries the route, its parameters and query; the view and closed-item access
 * say what the caller sees; the day in Europe/Oslo covers what is dated (current memberships,
 * meetings ahead). The version is read before the answer is built, so a write racing a read can
 * only cost one more 200, never a stale 304.
 */
export function setupTag(url: string, scope: Pick<Scope, 'setupVersion' | 'view' | 'caller'>, day: string = osloDay()): string {
  const key = [url, scope.setupVersion, scope.view, scope.caller.allClosed ? 'closed' : '', scope.caller.email ?? '', day].join('\n');
  return `"s${createHash('sha256').update(key).digest('base64url').slice(0, 26)}"`;
}
