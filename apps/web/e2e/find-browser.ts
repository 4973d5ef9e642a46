import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { env } from './env';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

const HOW_TO_INSTALL =
  'No Chrome or Chromium found for the browser tests. Install one (on Debian/Ubuntu: ' +
  '`sudo apt-get install -y chromium`) or set CHROME_PATH to its executable.';

/**
 * A Chromium to drive: CHROME_PATH, else a system Chromium or Chrome; on Debian, as root, it
 * installs Debian's `chromium` package. Otherwise it fails with a message saying how to get one:
 * the browser tests never skip silently.
 */
export function findBrowser(): string {
  if (env.chromePath) {
    if (!existsSync(env.chromePath)) throw new Error(`CHROME_PATH=${env.chromePath} does not exist.`);
    return env.chromePath;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    console.log('Installing Debian\'s chromium for the browser tests (apt-get install -y chromium) …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...env.inherited, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(HOW_TO_INSTALL);
}
