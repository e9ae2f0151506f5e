/**
 * Loopback HTTP servers for introspection tests: a real node:http server on 127.0.0.1 (port 0)
 * that answers with an emulator handler and records every request it receives.
 *
 * Everything a provider can answer is expressible as an EmulatedResponse:
 *   - object body      -> sent as JSON (content-type application/json unless the handler sets one)
 *   - string body      -> sent as-is (content-type text/plain unless set): HTML pages, malformed JSON
 *   - 3xx + location   -> a redirect (the client must not follow it)
 *   - delayMs          -> answer late (timeouts); neverAnswer() keeps the request open for good
 * close() destroys open sockets, so delayed or never-answered requests do not hang a test.
 * The helpers below build the usual failure answers; `sequence` replays answers in order.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler } from "../../src/detector-kit/emulator.js";

export interface Loopback {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request received, in arrival order (recorded before the handler runs). */
  requests: EmulatedRequest[];
  close(): Promise<void>;
}

/** Longer than any test runs: the request stays open until close(). */
const NEVER_MS = 24 * 60 * 60 * 1000;

export async function startLoopback(handler: EmulatorHandler): Promise<Loopback> {
  const requests: EmulatedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    void serve(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const recorded: EmulatedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: lowerCaseHeaders(req),
      body,
    };
    requests.push(recorded);
    let answer: EmulatedResponse;
    try {
      answer = await handler(recorded);
    } catch (error) {
      answer = { status: 599, body: `emulator handler threw: ${String(error)}` };
    }
    if (answer.delayMs !== undefined && answer.delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, Math.min(answer.delayMs ?? 0, NEVER_MS));
        timers.add(timer);
      });
    }
    if (res.destroyed || res.writableEnded) return;
    send(res, answer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function send(res: ServerResponse, answer: EmulatedResponse): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
  let payload = "";
  if (typeof answer.body === "string") {
    payload = answer.body;
    headers["content-type"] ??= "text/plain; charset=utf-8";
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(answer.status, headers);
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

// ---------------------------------------------------------------- ready-made answers

/** A request that is never answered (until the loopback closes): for timeouts. */
export const neverAnswer = (): EmulatedResponse => ({ status: 200, body: {}, delayMs: NEVER_MS });

/** An HTML page, e.g. a proxy's or captive portal's error page served with 200. */
export const htmlPage = (status = 200, title = "Service unavailable"): EmulatedResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
});

/** A redirect to `location` (absolute URL or path). */
export const redirectTo = (location: string, status = 302): EmulatedResponse => ({
  status,
  headers: { location },
  body: "",
});

/** A body that claims to be JSON and is not. */
export const malformedJson = (status = 200): EmulatedResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: '{"login": "octo", "id": ',
});

/** 429 Too Many Requests with Retry-After in seconds. */
export const rateLimited = (retryAfterSeconds = 1): EmulatedResponse => ({
  status: 429,
  headers: { "retry-after": String(retryAfterSeconds) },
  body: { message: "rate limited" },
});

export const serverError = (status = 500): EmulatedResponse => ({ status, body: { message: "Internal Server Error" } });

/**
 * Answers the first requests from `first` in order, then delegates every later request to `then`.
 * `sequence([rateLimited(1)], emulatorHandler)` -> one 429, then the emulator.
 */
export function sequence(first: readonly EmulatedResponse[], then: EmulatorHandler): EmulatorHandler {
  let served = 0;
  return (request) => {
    const answer = first[served];
    served += 1;
    return answer ?? then(request);
  };
}

/**
 * A URL on 127.0.0.1 where nothing listens (connection refused): bound to a free port, then closed.
 * The port could in theory be reused by another process before the test connects; on loopback in a
 * short test this does not happen in practice.
 */
export async function unusedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
