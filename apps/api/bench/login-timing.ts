import { median } from './measure.js';

/**
 * Sign-in timing: an unknown e-mail must cost the same as a wrong password (no account
 * enumeration by timing). Attempts stay under the per-account throttle (10) and the per-IP one (100);
 * each address, known or unknown, is tried 9 times.
 */
export async function compareLoginTimings(base: string) {
  const attempt = async (email: string) => {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'not-the-password' }),
    });
    await response.text();
    if (response.status !== 401) throw new Error(`expected 401, got ${response.status}`);
    return performance.now() - started;
  };
  const known = ['admin@demo.invalid', 'koordinator.3401@demo.invalid', 'medlem.3401@demo.invalid', 'koordinator.1547@demo.invalid'];
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    for (const [n, email] of known.entries()) {
      wrong.push(await attempt(email));
      // As often per unknown address as per known one: repeated failures slow an address down
      // (known or not), so both sides must have the same history.
      unknown.push(await attempt(`nobody-${n}@demo.invalid`));
    }
  }
  console.log(`
POST /api/v1/auth/login, ${wrong.length} attempts each, interleaved`);
  console.log(`wrong password   median ${median(wrong).toFixed(1)} ms`);
  console.log(
    `unknown e-mail   median ${median(unknown).toFixed(1)} ms   (unknown/wrong ${((median(unknown) / median(wrong)) * 100).toFixed(0)}%)`,
  );
}
