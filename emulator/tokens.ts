import { createHmac, timingSafeEqual } from "node:crypto";
import { validationError } from "./errors";

/**
 * Opaque, unforgeable pagination tokens: the offset in clear, plus an HMAC (per-emulator random
 * secret) over the offset and the query's scope (operation, list, filter). The scope is not in
 * the token, so a token only works for the query that issued it, and reveals no filter value.
 */
export class TokenCodec {
  constructor(private readonly secret: Buffer) {}

  private mac(scope: string, offset: number): Buffer {
    return createHmac("sha256", this.secret).update(`${scope}\n${offset}`).digest();
  }

  encode(scope: string, offset: number): string {
    const body = Buffer.from(JSON.stringify({ v: 1, o: offset })).toString("base64url");
    return `${body}.${this.mac(scope, offset).toString("base64url")}`;
  }

  /** The offset a token stands for; a forged, garbled or foreign token is a ValidationException. */
  decode(scope: string, token: string): number {
    const [body, mac, ...rest] = token.split(".");
    let offset: unknown;
    try {
      offset = (JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { o?: unknown }).o;
    } catch {
      offset = undefined;
    }
    const given = Buffer.from(mac ?? "", "base64url");
    if (rest.length > 0 || typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
      throw validationError("Invalid NextToken");
    }
    const expected = this.mac(scope, offset);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw validationError("Invalid NextToken");
    }
    return offset;
  }
}
