import { formatBytes, formatDuration } from './format.js';

export interface ProgressOptions {
  /** Bytes to send in all. */
  total: number;
  /** Where to write (standard error). */
  out: { write(text: string): unknown };
  /** A terminal: one line redrawn in place. Otherwise (a log, a test) a line each time another 10 % is sent. */
  tty: boolean;
  /** Terminal width, for the bar. */
  columns?: number;
  now?: () => number;
}

const CLEAR_LINE = '\r\x1b[2K';
/** Redraws in a terminal at most this often (ms), so a fast upload does not flood it. */
const REDRAW_EVERY_MS = 100;

/**
 * The upload's progress on standard error: bytes sent of the total, %, MB; then "waiting for the
 * server…" with the seconds counting while the server checks and commits the import.
 */
export class UploadProgress {
  readonly #options: Required<ProgressOptions>;
  #sent = 0;
  #step = -1;
  #drawnAt = -Infinity;
  #startedAt = 0;
  #sentAt: number | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #lineOpen = false;

  constructor(options: ProgressOptions) {
    this.#options = { columns: 80, now: () => Date.now(), ...options };
  }

  /** Starts (again, after a retry) from zero bytes. */
  start(): void {
    this.#stopTicker();
    this.#sent = 0;
    this.#step = -1;
    this.#sentAt = undefined;
    this.#startedAt = this.#options.now();
    this.#drawnAt = -Infinity;
    this.#draw();
  }

  add(bytes: number): void {
    this.#sent += bytes;
    this.#draw();
  }

  /** Every byte is sent: from now on the server works on it. */
  sent(): void {
    if (this.#sentAt !== undefined) return;
    this.#sent = this.#options.total;
    this.#draw(true);
    this.#sentAt = this.#options.now();
    if (this.#options.tty) {
      this.#waiting();
      this.#ticker = setInterval(() => this.#waiting(), 1000);
      this.#ticker.unref();
    } else {
      this.#options.out.write(`Sent ${formatBytes(this.#options.total)}; waiting for the server…\n`);
    }
  }

  /** A line said in between (a retry), without breaking the bar. */
  note(text: string): void {
    this.#closeLine();
    this.#options.out.write(`${text}\n`);
  }

  /** The answer is in: clears the bar and says how long it took. */
  finish(): void {
    this.#stopTicker();
    this.#closeLine();
    const now = this.#options.now();
    const sentAt = this.#sentAt ?? now;
    this.#options.out.write(
      `Sent ${formatBytes(this.#options.total)} in ${formatDuration(sentAt - this.#startedAt)}; the server answered after ${formatDuration(now - sentAt)}.\n`,
    );
  }

  /** Stops without a summary (a failure is reported instead). */
  abort(): void {
    this.#stopTicker();
    this.#closeLine();
  }

  #draw(force = false): void {
    const { total, tty, out } = this.#options;
    const fraction = total === 0 ? 1 : Math.min(1, this.#sent / total);
    const percent = Math.floor(fraction * 100);
    const sizes = `${formatBytes(this.#sent, total)} / ${formatBytes(total)}`;
    if (!tty) {
      // A line whenever another 10 % step is reached (a small file: just the 100 % line).
      const step = Math.floor(percent / 10);
      if (step === this.#step || (step === 0 && this.#sent > 0)) return;
      this.#step = step;
      if (step > 0) out.write(`Uploading: ${String(percent).padStart(3)} %  ${sizes}\n`);
      return;
    }
    const now = this.#options.now();
    if (!force && fraction < 1 && now - this.#drawnAt < REDRAW_EVERY_MS) return;
    this.#drawnAt = now;
    const label = `${String(percent).padStart(3)} %  ${sizes}`;
    const width = Math.max(10, Math.min(40, this.#options.columns - label.length - 16));
    const filled = Math.round(fraction * width);
    out.write(`${CLEAR_LINE}Uploading [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${label}`);
    this.#lineOpen = true;
  }

  #waiting(): void {
    const seconds = Math.floor((this.#options.now() - (this.#sentAt ?? this.#options.now())) / 1000);
    this.#options.out.write(`${CLEAR_LINE}Sent ${formatBytes(this.#options.total)}; waiting for the server… ${seconds} s`);
    this.#lineOpen = true;
  }

  #closeLine(): void {
    if (this.#lineOpen) this.#options.out.write(CLEAR_LINE);
    this.#lineOpen = false;
  }

  #stopTicker(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
