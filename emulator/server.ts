import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { ActionContext } from "./action";
import { actions } from "./actions";
import { accessDenied, internalError, serializationError, ServiceError } from "./errors";
import { handleUpload } from "./presign";
import { verifySigV4, type Caller } from "./sigv4";
import { ACCOUNT_ID, listArn } from "./store";
import type { DenyRule, EmulatorCredentials } from "./types";
import { validate, withoutNulls } from "./validation";

const TARGET_PREFIX = "MailManagerSvc.";
/** AWS JSON APIs refuse large bodies; these requests are tiny. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Everything the request handler reads or updates. */
export interface ServerState extends ActionContext {
  readonly credentials: EmulatorCredentials;
  readonly region: string;
  deny: DenyRule[];
  /** API requests per operation name; `total` counts them all; `uploads` counts requests to `/upload/…` apart. */
  readonly calls: { total: number; byOperation: Map<string, number>; uploads: number };
  readonly log?: (line: string) => void;
}

async function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  requestId: string,
  errorType?: string,
): void {
  const headers: Record<string, string | number> = {
    "Content-Type": "application/x-amz-json-1.0",
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": requestId,
  };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  // Node adds a `Date` header from the real clock, which the SDK's clock-skew correction needs.
  res.writeHead(status, headers);
  res.end(body);
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationError("The request body is not valid JSON.");
  }
}

/** The IAM resource a request acts on, for AccessDenied messages that read like IAM's. */
function resourceOf(state: ServerState, body: Buffer): string {
  let input: { AddressListId?: unknown; JobId?: unknown } = {};
  try {
    input = (JSON.parse(body.toString("utf8")) as typeof input) ?? {};
  } catch {
    // No resource to name: fall through to "*".
  }
  const job = typeof input.JobId === "string" ? state.store.jobs.get(input.JobId) : undefined;
  const listId = typeof input.AddressListId === "string" ? input.AddressListId : job?.addressListId;
  return listId ? listArn(state.region, listId) : "*";
}

function checkDeny(state: ServerState, operation: string, caller: Caller, body: Buffer): void {
  const denied = state.deny.some(
    (rule) =>
      (rule.operation === undefined || rule.operation === operation) &&
      (rule.accessKeyId === undefined || rule.accessKeyId === caller.accessKeyId),
  );
  if (denied) {
    throw accessDenied(
      `User: arn:aws:iam::${ACCOUNT_ID}:user/${caller.accessKeyId} is not authorized to perform: ses:${operation} ` +
        `on resource: ${resourceOf(state, body)} because no identity-based policy allows the ses:${operation} action`,
    );
  }
}

/** `POST /`: count, delay, faults, auth, route by X-Amz-Target, validate, run the action. */
async function handleApi(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<string> {
  const requestId = randomUUID();
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  state.calls.total++;
  state.calls.byOperation.set(operation, (state.calls.byOperation.get(operation) ?? 0) + 1);

  const { body, tooLarge } = await readBody(req);
  const delay = state.faults.delayMs();
  // Real time on purpose: with a ManualClock, a latency on the emulator clock would never end.
  // Unref'd: the request's socket keeps the process alive while a client waits; once the client has
  // given up (or the emulator is closed), a long slow response must not hold the process open.
  if (delay > 0) await sleep(delay, undefined, { ref: false });
  if (state.faults.shouldReset()) {
    req.socket.destroy();
    return `${operation} reset`;
  }

  let status = 200;
  try {
    const caller = await verifySigV4(
      { method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body },
      state.credentials,
    );
    const action =
      target.startsWith(TARGET_PREFIX) && Object.hasOwn(actions, operation) ? actions[operation] : undefined;
    if (!action) {
      throw new ServiceError(
        "UnknownOperationException",
        target ? `Unknown operation: ${target}` : "Missing X-Amz-Target header",
      );
    }
    checkDeny(state, operation, caller, body);
    const injected = state.faults.injectedError();
    if (injected) throw injected;
    if (tooLarge) throw serializationError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    const input = parseBody(body);
    validate(action.input, input);
    const output = JSON.stringify(action.handle(state, withoutNulls(input) as Record<string, unknown>));
    send(res, 200, state.faults.malform(output) ?? output, requestId);
  } catch (e) {
    const error = e instanceof ServiceError ? e : internalError();
    if (!(e instanceof ServiceError))
      state.log?.(`internal error in ${operation}: ${(e as Error)?.stack ?? e}`);
    status = error.status;
    send(res, error.status, error.toBody(), requestId, error.type);
  }
  return `${operation || "-"} ${status} ${requestId}`;
}

/** The answer for a request-target no route serves: 404, as for an unknown path. */
function noRoute(req: IncomingMessage, res: ServerResponse, path: string): string {
  req.resume();
  const error = new ServiceError("UnknownOperationException", `No route for ${req.method} ${path}`, 404);
  send(res, 404, error.toBody(), randomUUID(), error.type);
  return `${req.method} ${path} 404`;
}

/** Routes: `POST /` is the API, `/upload/<jobId>` takes pre-signed uploads, anything else is 404. */
async function route(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<string> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://emulator.invalid");
  } catch {
    // A request-target that is no URL at all (`//`, `http://[::1/`): nothing to route, not a server fault.
    return noRoute(req, res, req.url ?? "");
  }
  if (url.pathname.startsWith("/upload/")) {
    state.calls.uploads++;
    const status = await handleUpload(req, res, url, state.store, state.presigner, state.faults);
    // The path only: a pre-signed URL's query is a secret and never logged.
    return `${req.method} upload ${status}`;
  }
  if (req.method === "POST" && url.pathname === "/") return handleApi(state, req, res);
  return noRoute(req, res, url.pathname);
}

/** An AWS JSON error written straight to a socket, for requests Node's HTTP parser could not take in. */
function rawErrorResponse(status: number, reason: string, error: ServiceError, head = false): string {
  const body = error.toBody();
  return (
    `HTTP/1.1 ${status} ${reason}\r\n` +
    "Content-Type: application/x-amz-json-1.0\r\n" +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `x-amzn-RequestId: ${randomUUID()}\r\n` +
    `x-amzn-ErrorType: ${error.type}\r\n` +
    `Date: ${new Date().toUTCString()}\r\n` +
    "Connection: close\r\n\r\n" +
    (head ? "" : body)
  );
}

/**
 * `clientError`: a request that is not valid HTTP (bad request line or header, conflicting framing,
 * headers too large). Node's default answer is a bare `400` with no body; this one is an AWS JSON error
 * like every other answer, so clients and tests parse it the same way.
 */
export function handleClientError(state: ServerState, error: NodeJS.ErrnoException, socket: Duplex): void {
  state.log?.(`malformed HTTP request: ${error.code ?? error.message}`);
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, type] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "RequestHeaderFieldsTooLargeException"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "RequestTimeoutException"]
        : [400, "Bad Request", "BadRequestException"];
  const answer = new ServiceError(
    type,
    `The HTTP request could not be parsed (${error.code ?? "malformed request"}).`,
    status,
  );
  // `_httpMessage` is the answer in progress on this socket (Node's own default handler reads it too).
  // Answers go out in order: garbage after a complete request (e.g. an unframed body) gets no answer of
  // its own before that request's, and the connection closes once that one is out.
  const inProgress = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (inProgress) {
    // The current request's own body is malformed (e.g. a bad chunk): its handler waits for a body that
    // will never end, so answer it here; closing the socket then ends the handler's read.
    if (!inProgress.req.complete && !inProgress.headersSent) {
      inProgress.shouldKeepAlive = false;
      send(inProgress, status, answer.toBody(), randomUUID(), answer.type);
    }
    if (inProgress.writableFinished) socket.destroy();
    else inProgress.once("finish", () => socket.destroy());
    return;
  }
  // An answer to a HEAD has no body, even when the request could not be parsed past its request line.
  const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
  socket.end(rawErrorResponse(status, reason, answer, head));
}

/** `connect`: the CONNECT method (a proxy tunnel), which no route serves; without this, Node drops the socket. */
export function handleConnect(state: ServerState, req: IncomingMessage, socket: Duplex): void {
  state.log?.(`CONNECT ${req.url} 404`);
  const error = new ServiceError("UnknownOperationException", `No route for CONNECT ${req.url}`, 404);
  socket.on("error", () => socket.destroy());
  socket.end(rawErrorResponse(404, "Not Found", error));
}

export function createRequestListener(state: ServerState): RequestListener {
  return (req, res) => {
    const started = Date.now();
    // Through a promise, so that even a synchronous throw (e.g. an unparseable URL) is caught here.
    Promise.resolve()
      .then(() => route(state, req, res))
      .then(
        (line) => state.log?.(`${line} ${Date.now() - started}ms`),
        (error: unknown) => {
          // Last resort (e.g. the client went away mid-body): never crash the process.
          state.log?.(`request failed: ${(error as Error)?.message ?? error}`);
          if (!res.headersSent && !res.destroyed) {
            const e = internalError();
            send(res, e.status, e.toBody(), randomUUID(), e.type);
          }
        },
      );
  };
}
