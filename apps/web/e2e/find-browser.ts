import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { env } from './env';

/** Chromium's flags for a quiet headless run in a container (no sandbox, no GPU, nothing fetched in the background). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const HOW_TO_INSTALL =
  'No Chrome or Chromium found for the browser tests. Install one (on Debian/Ubuntu: ' +
  '`sudo apt-get install -y chromium`) or set CHROME_PATH to its executable.';

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first of /usr/bin/<name>, then the first <name> on PATH (as `which` would find it). */
function findInstalled(): string | undefined {
  const candidates = [
    ...NAMES.map((name) => `/usr/bin/${name}`),
    ...NAMES.flatMap((name) => env.searchPath.map((dir) => path.join(dir, name))),
  ];
  return candidates.find(isExecutable);
}

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
  const found = findInstalled();
  if (found) return found;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    console.log("Installing Debian's chromium for the browser tests (apt-get install -y chromium) …");
    const aptEnv = { ...env.inherited, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: aptEnv });
    if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(HOW_TO_INSTALL);
}
