import { conflict, notFound } from "./errors";
import type { Faults } from "./faults";
import type { Presigner } from "./presign";
import type { AddressListRecord, JobRecord, Store } from "./store";
import type { TokenCodec } from "./tokens";
import type { ListOrder } from "./types";
import type { Members } from "./validation";

/** What an operation handler may use. */
export interface ActionContext {
  readonly store: Store;
  readonly presigner: Presigner;
  readonly tokens: TokenCodec;
  readonly faults: Faults;
  readonly listOrder: ListOrder;
}

/** One API operation: its input validation table and its handler (input already validated). */
export interface Action {
  readonly input: Members;
  handle(ctx: ActionContext, input: Record<string, unknown>): object;
}

export function requireList(ctx: ActionContext, addressListId: string): AddressListRecord {
  const list = ctx.store.lists.get(addressListId);
  if (!list) throw notFound(`Address list ${addressListId} not found.`);
  return list;
}

export function requireJob(ctx: ActionContext, jobId: string): JobRecord {
  const job = ctx.store.jobs.get(jobId);
  if (!job) throw notFound(`Import job ${jobId} not found.`);
  return job;
}

/** JSON with sorted keys, so two requests with the same members compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * `ClientToken` replay: the same token with the same members returns the first call's resource
 * id without creating anything; the same token with other members is rejected with a
 * ConflictException. Without a token, `create` just runs (the SDKs always send one: it is an
 * idempotency token).
 *
 * What Mail Manager answers to a reused token with other members is not documented. ConflictException
 * is what AWS JSON services with idempotency tokens commonly answer (a ValidationException would be the
 * other plausible reading); the model lists it for CreateAddressList but not for
 * CreateAddressListImportJob, where an SDK then raises its generic service exception under that name.
 */
export function idempotent(
  ctx: ActionContext,
  operation: string,
  input: Record<string, unknown>,
  create: () => string,
): string {
  const { ClientToken, ...rest } = input;
  if (typeof ClientToken !== "string") return create();
  const key = `${operation}:${ClientToken}`;
  const request = canonical(rest);
  const prior = ctx.store.clientTokens.get(key);
  if (prior) {
    if (prior.request !== request) {
      throw conflict(
        `The ClientToken was already used in a ${operation} request with different parameters. ` +
          "Use a new ClientToken for a different request.",
      );
    }
    return prior.result;
  }
  const result = create();
  ctx.store.clientTokens.set(key, { request, result });
  return result;
}
