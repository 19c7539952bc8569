import type { FaultOptions } from "./types";
import type { TokenCodec } from "./tokens";

/** Page size when a request has no PageSize (the service's default is undocumented). */
export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  /** Identifies the query (operation, list, filter); tokens are only valid for the same scope. */
  readonly scope: string;
  readonly pageSize: number;
  readonly nextToken?: string;
}

/**
 * Cuts one page out of an ordered list. Offsets, not keys: items created mid-scan shift later
 * items to the next page, so a client sees duplicates across pages, as it must be ready to.
 * The last page has no token. `repeatNextToken`/`cyclicNextToken` faults bend the token chain.
 */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  tokens: TokenCodec,
  faults: Readonly<FaultOptions>,
): { page: T[]; nextToken?: string } {
  const offset = request.nextToken === undefined ? 0 : tokens.decode(request.scope, request.nextToken);
  const page = items.slice(offset, offset + request.pageSize);
  const end = offset + request.pageSize;
  if (request.nextToken !== undefined && faults.repeatNextToken)
    return { page, nextToken: request.nextToken };
  if (request.nextToken !== undefined && faults.cyclicNextToken) {
    // A = the first page's token, B = the second's; A -> B -> A -> ...
    const a = request.pageSize;
    return { page, nextToken: tokens.encode(request.scope, offset === a ? 2 * a : a) };
  }
  return { page, nextToken: end < items.length ? tokens.encode(request.scope, end) : undefined };
}
