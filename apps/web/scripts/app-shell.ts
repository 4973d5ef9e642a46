import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where the page's Content-Security-Policy is written: each must allow the inline style by its hash. */
const POLICIES = ['../api/src/plugins/security.ts', 'nginx.conf'];

/**
 * The app's frame in index.html paints before the stylesheet and the scripts have arrived:
 *
 * - the built page's stylesheet links move from the head to the end of the body, after the frame. In
 *   the head they hold back the first paint until they have arrived (and, on a fast connection, the
 *   scripts with them); after the frame, the frame paints at once with index.html's inline rules. The
 *   module script still runs only once the stylesheet is in (a parser-inserted stylesheet blocks the
 *   scripts after it), so React never renders unstyled;
 * - the build fails when a policy does not allow an inline style or script of the built page by its
 *   hash (the browser would drop it): the message names the hash to write there.
 */
export function appShell(): Plugin {
  return {
    name: 'slt-app-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = [
          ...[...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => ['style', m[1]] as const),
          ...[...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => ['script', m[1]] as const),
        ];
        for (const [kind, code] of inline) {
          const hash = `'sha256-${createHash('sha256')
            .update(code ?? '')
            .digest('base64')}'`;
          for (const policy of POLICIES) {
            if (!readFileSync(`${webRoot}/${policy}`, 'utf8').includes(hash)) {
              throw new Error(`index.html's inline ${kind} is not allowed by ${policy}: its ${kind}-src needs ${hash}`);
            }
          }
        }
        const links = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        let out = html;
        for (const link of links) out = out.replace(link, '');
        return out.replace('</body>', `${links.map((link) => `  ${link.trim()}\n`).join('')}  </body>`);
      },
    },
  };
}
