/**
 * How the bench measures a target: autocannon's rate and latencies, and the CPU per request of the
 * server process and of the PostgreSQL cluster, read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU milliseconds per request of the server process and of the PostgreSQL cluster (from /proc). */
  cpu: number;
  pgCpu: number;
}

/**
 * CPU time from /proc (Linux), in ms: what a request costs regardless of how busy the shared
 * machine is (requests per second follow the other tenants of the CPU; CPU per request does not).
 */
const TICK_MS = 10;
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
let postmaster = 0;
/** Which cluster clusterCpu() reads: the postmaster's pid (0: none, the reading is 0). */
export function watchCluster(pid: number): void {
  postmaster = pid;
}
/**
 * The cluster's CPU: its postmaster's live children (backends, writers), found from one backend's
 * parent, plus what its children that ended used (the postmaster's cutime and cstime), so a pool
 * closing idle connections between runs does not take their work away. A backend reaped while
 * the children are read would be counted in neither sum (or in both): the reading is repeated
 * until the postmaster's own figures are the same before and after it.
 */
export function clusterCpu(): number {
  if (!postmaster) return 0;
  const reaped = (): number | null => {
    try {
      const own = readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * TICK_MS;
    } catch {
      return null;
    }
  };
  for (let attempt = 0; ; attempt += 1) {
    const before = reaped();
    if (before === null) return 0;
    let live = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
        if (Number(fields[1]) === postmaster) live += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      } catch {
        // gone
      }
    }
    if (reaped() === before || attempt === 20) return before + live;
  }
}

/**
 * One autocannon load of `url` for `seconds` over `connections` connections: its rate and
 * latencies, answers other than `expected`, and CPU per request of process `pid` and the cluster.
 */
export async function load(
  url: string,
  seconds: number,
  options: { connections: number; headers?: Record<string, string>; expected?: number; pid?: number },
): Promise<Result> {
  const { connections, headers = {}, expected = 200, pid = 0 } = options;
  const [cpu0, pg0] = [cpuOf(pid), clusterCpu()];
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers });
  const [cpu1, pg1] = [cpuOf(pid), clusterCpu()];
  const requests = Math.max(1, result.requests.total);
  const statusCounts = result.statusCodeStats as Record<string, { count: number } | undefined>;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Answers other than the one expected (a 304 is expected with If-None-Match).
    non2xx: Object.values(statusCounts).reduce((sum, stat) => sum + (stat?.count ?? 0), 0) - (statusCounts[String(expected)]?.count ?? 0),
    errors: result.errors + result.timeouts,
    cpu: (cpu1 - cpu0) / requests,
    pgCpu: (pg1 - pg0) / requests,
  };
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The middle value (the mean of the two middle ones for an even count). */
export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};
/** The rounds of one target: mean rates, latencies and CPU, summed failures. */
export function combine(results: Result[]): Result {
  return {
    rps: mean(results.map((r) => r.rps)),
    p50: mean(results.map((r) => r.p50)),
    p99: mean(results.map((r) => r.p99)),
    non2xx: results.reduce((a, r) => a + r.non2xx, 0),
    errors: results.reduce((a, r) => a + r.errors, 0),
    cpu: mean(results.map((r) => r.cpu)),
    pgCpu: mean(results.map((r) => r.pgCpu)),
  };
}
