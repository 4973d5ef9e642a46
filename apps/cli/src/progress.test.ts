import { describe, expect, it } from 'vitest';
import { UploadProgress } from './progress.js';

function recorder() {
  const writes: string[] = [];
  let now = 0;
  return { writes, out: { write: (text: string) => writes.push(text) }, now: () => now, tick: (ms: number) => (now += ms) };
}

describe('UploadProgress', () => {
  it('not on a terminal: a line each time another 10 % is sent, then "waiting for the server…", then a summary', () => {
    const r = recorder();
    const progress = new UploadProgress({ total: 3 * 1024 * 1024, out: r.out, tty: false, now: r.now });
    progress.start();
    for (let i = 0; i < 48; i++) progress.add(64 * 1024);
    progress.sent();
    r.tick(2500);
    progress.finish();
    expect(r.writes.join('')).toBe(
      [
        'Uploading:  10 %  0.3 MB / 3.0 MB',
        'Uploading:  20 %  0.6 MB / 3.0 MB',
        'Uploading:  31 %  0.9 MB / 3.0 MB',
        'Uploading:  41 %  1.3 MB / 3.0 MB',
        'Uploading:  50 %  1.5 MB / 3.0 MB',
        'Uploading:  60 %  1.8 MB / 3.0 MB',
        'Uploading:  70 %  2.1 MB / 3.0 MB',
        'Uploading:  81 %  2.4 MB / 3.0 MB',
        'Uploading:  91 %  2.8 MB / 3.0 MB',
        'Uploading: 100 %  3.0 MB / 3.0 MB',
        'Sent 3.0 MB; waiting for the server…',
        'Sent 3.0 MB in 0.0 s; the server answered after 2.5 s.',
        '',
      ].join('\n'),
    );
  });

  it('a small file sent in one piece gets one line; a retry starts again from zero after its note', () => {
    const r = recorder();
    const progress = new UploadProgress({ total: 300, out: r.out, tty: false, now: r.now });
    progress.start();
    progress.add(300);
    progress.note('The API answered 503; trying again…');
    progress.start();
    progress.add(300);
    progress.sent();
    expect(r.writes.join('')).toBe(
      'Uploading: 100 %  300 B / 300 B\nThe API answered 503; trying again…\nUploading: 100 %  300 B / 300 B\nSent 300 B; waiting for the server…\n',
    );
  });

  it('on a terminal: one line redrawn in place (at most every 100 ms), a bar, then the seconds spent waiting; cleared at the end', () => {
    const r = recorder();
    const progress = new UploadProgress({ total: 1000, out: r.out, tty: true, columns: 80, now: r.now });
    progress.start();
    progress.add(100);
    r.tick(50);
    progress.add(100); // too soon: not drawn
    r.tick(60);
    progress.add(300);
    progress.sent();
    r.tick(1200);
    progress.finish();
    const lines = r.writes.join('').split('\r\x1b[2K');
    expect(lines.filter((l) => l.startsWith('Uploading')).map((l) => /(\d+) %/.exec(l)![1])).toEqual(['0', '50', '100']);
    expect(lines).toContain(`Uploading [${'█'.repeat(20)}${'░'.repeat(20)}]  50 %  500 B / 1000 B`);
    expect(lines).toContain('Sent 1000 B; waiting for the server… 0 s');
    expect(lines.at(-1)).toBe('Sent 1000 B in 0.1 s; the server answered after 1.2 s.\n');
    expect(r.writes.join('')).not.toMatch(/\n.*Uploading/); // never a new line per update
  });
});
