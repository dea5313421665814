// Server-Sent Events per thread: the open streams, the broadcasts after each commit, and a ping
// that keeps proxies from closing idle streams. Works on plain Node responses, so the route hands
// over `reply.raw` after hijacking the reply.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type EventType = 'created' | 'edited' | 'deleted';

/** A reader that stops reading is cut off before its backlog costs real memory. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

export interface EventHub {
  open(thread: string, req: IncomingMessage, res: ServerResponse, headers?: Record<string, string>): void;
  broadcast(thread: string, type: EventType, comment: unknown): void;
  streamCount(): number;
  close(): void;
}

export function createEventHub({ pingIntervalMs }: { pingIntervalMs: number }): EventHub {
  const streams = new Map<string, Set<ServerResponse>>();
  let pinger: ReturnType<typeof setInterval> | null = null;

  const send = (res: ServerResponse, frame: string) => {
    if (res.writableLength > MAX_BACKLOG_BYTES) {
      res.destroy();
      return;
    }
    res.write(frame);
  };

  // One timer for all streams, running only while there are streams.
  const startPinging = () => {
    if (pinger) return;
    pinger = setInterval(() => {
      for (const set of streams.values()) for (const res of set) send(res, ': ping\n\n');
    }, pingIntervalMs);
    // The timer alone must not keep a process alive that is otherwise done.
    pinger.unref();
  };
  const stopPinging = () => {
    if (pinger) clearInterval(pinger);
    pinger = null;
  };

  return {
    /** Turns a response into an event stream for one thread, until the client goes away. */
    open(thread, req, res, headers = {}) {
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Proxies such as nginx would otherwise buffer the stream and deliver events late.
        'x-accel-buffering': 'no',
      });
      req.socket.setNoDelay(true);
      // How long EventSource waits before reconnecting after the stream drops.
      res.write('retry: 3000\n\n');
      const set = streams.get(thread) ?? new Set();
      streams.set(thread, set);
      set.add(res);
      startPinging();
      res.once('close', () => {
        set.delete(res);
        if (set.size === 0 && streams.get(thread) === set) streams.delete(thread);
        if (streams.size === 0) stopPinging();
      });
    },

    /**
     * Sends one change to every stream of the thread. Callers send only committed changes of
     * published comments, without per-viewer fields.
     */
    broadcast(thread, type, comment) {
      const set = streams.get(thread);
      if (!set) return;
      // JSON.stringify escapes line breaks, so the payload is always one `data:` line.
      const frame = `event: ${type}\ndata: ${JSON.stringify(comment)}\n\n`;
      for (const res of set) send(res, frame);
    },

    streamCount() {
      let count = 0;
      for (const set of streams.values()) count += set.size;
      return count;
    },

    /** Ends every stream (the app is closing). */
    close() {
      stopPinging();
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
    },
  };
}
