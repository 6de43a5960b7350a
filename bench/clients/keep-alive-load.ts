// An HTTP/1.1 load generator over keep-alive sockets for requests that must differ every time (a
// fresh OAuth nonce and signature). autocannon rebuilds the whole request through its builder
// whenever a header changes per request, which capped it at about 6,300 signed requests/s on one
// core: below what the server under test answers, so it measured itself. This client writes each
// request as one string and reads answers by Content-Length, nothing more.
//
// Closed loop by default: each connection sends its next request when the answer arrives. With
// `rate`, requests are scheduled at that overall rate instead, and latency is counted from the
// scheduled time, so a slow answer also delays (and is charged to) the requests queued behind it.
import { connect, type Socket } from 'node:net';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; absent: as fast as answers come back. */
  rate?: number;
  /** Header fields for the next request (called once per request). */
  headers?: () => Record<string, string>;
}

export interface LoadReport {
  requests: { average: number; total: number };
  /** Milliseconds, nearest-rank percentiles. */
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');

class Connection {
  private socket!: Socket;
  /** Bytes of a response head that arrived split across reads. */
  private partialHead: Buffer | undefined;
  /** Body bytes still to come, or -1 while reading a head. */
  private bodyLeft = -1;
  private status = 0;
  /** When the request in flight was due (closed loop: when it was sent). */
  private dueAt = 0;
  /** A send waiting for its scheduled time. */
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: LoadRun,
    private nextDue: number,
  ) {
    this.open();
  }

  private open(): void {
    // Reads land in one reused buffer: allocating a Buffer per read (30 KB answers, thousands a
    // second) made the generator's own garbage collection pauses show up in the latencies.
    this.socket = connect({
      port: this.run.port,
      host: this.run.host,
      onread: { buffer: this.run.readBuffer, callback: (length: number, buffer: Uint8Array) => (this.read(Buffer.from(buffer.buffer, buffer.byteOffset, length)), true) },
    });
    this.socket.setNoDelay(true);
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      if (!this.run.stopped) {
        // The server closed a keep-alive connection mid-run: count it and carry on with a new one.
        this.run.errors++;
        clearTimeout(this.timer);
        this.bodyLeft = -1;
        this.partialHead = undefined;
        this.open();
      }
    });
    this.socket.once('connect', () => this.schedule());
  }

  private schedule(): void {
    if (this.run.stopped) return;
    if (this.run.interval === undefined) return this.send(performance.now());
    const wait = this.nextDue - performance.now();
    if (wait <= 0) this.send(this.nextDue);
    else this.timer = setTimeout(() => this.send(this.nextDue), wait);
  }

  private send(dueAt: number): void {
    if (this.run.stopped) return;
    this.dueAt = dueAt;
    if (this.run.interval !== undefined) this.nextDue += this.run.interval;
    this.socket.write(this.run.request());
  }

  private read(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft < 0) {
        const seen = this.partialHead?.length ?? 0;
        const data = this.partialHead ? Buffer.concat([this.partialHead, chunk.subarray(offset)]) : chunk.subarray(offset);
        const end = data.indexOf(HEAD_END);
        if (end < 0) {
          this.partialHead = Buffer.from(data);
          return;
        }
        const head = data.toString('latin1', 0, end);
        const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
        if (!length) throw new Error(`the server answered without Content-Length, which this load generator needs:\n${head}`);
        this.status = Number(head.slice(9, 12));
        this.bodyLeft = Number(length[1]);
        offset += end + HEAD_END.length - seen;
        this.partialHead = undefined;
      }
      const take = Math.min(this.bodyLeft, chunk.length - offset);
      this.bodyLeft -= take;
      offset += take;
      if (this.bodyLeft === 0) {
        this.bodyLeft = -1;
        this.run.complete(this.status, performance.now() - this.dueAt);
        this.schedule();
      }
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.socket.destroy();
  }
}

class LoadRun {
  readonly host: string;
  readonly port: number;
  readonly interval: number | undefined;
  stopped = false;
  errors = 0;
  non2xx = 0;
  readonly latencies: number[] = [];
  /** Shared by all connections: each read is consumed before the next one can land. */
  readonly readBuffer = Buffer.alloc(256 * 1024);
  private readonly requestLine: string;

  constructor(private readonly job: LoadJob) {
    const url = new URL(job.url);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.interval = job.rate ? (1000 * job.connections) / job.rate : undefined;
    this.requestLine = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
  }

  request(): string {
    let text = this.requestLine;
    for (const [name, value] of Object.entries(this.job.headers?.() ?? {})) text += `${name}: ${value}\r\n`;
    return `${text}\r\n`;
  }

  complete(status: number, latencyMs: number): void {
    if (this.stopped) return;
    this.latencies.push(latencyMs);
    if (status < 200 || status > 299) this.non2xx++;
  }
}

const percentile = (sorted: readonly number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

export async function runLoad(job: LoadJob): Promise<LoadReport> {
  const run = new LoadRun(job);
  const start = performance.now();
  // With a rate, the connections' schedules are staggered evenly over one interval.
  const connections = Array.from({ length: job.connections }, (_, i) => new Connection(run, start + ((run.interval ?? 0) * i) / job.connections));
  await new Promise((resolve) => setTimeout(resolve, job.seconds * 1000));
  run.stopped = true;
  for (const c of connections) c.close();
  const sorted = run.latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: { average: sorted.length / job.seconds, total: sorted.length },
    latency: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) },
    non2xx: run.non2xx,
    errors: run.errors,
  };
}
