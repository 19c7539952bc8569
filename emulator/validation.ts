import { serializationError, validationError } from "./errors";

/**
 * Declarative input validation producing the messages AWS's request validation produces, e.g.
 * "1 validation error detected: Value '51' at 'pageSize' failed to satisfy constraint: Member
 * must have value less than or equal to 50". Constraints are the model's (botocore
 * `mailmanager/2023-10-17/service-2.json`, the model the AWS SDKs are generated from).
 * A value of the wrong JSON type is a SerializationException, as in AWS JSON protocols.
 */
export type Shape =
  | {
      type: "string";
      min?: number;
      max?: number;
      pattern?: string;
      enum?: readonly string[];
      sensitive?: boolean;
    }
  | { type: "integer"; min?: number; max?: number }
  | { type: "structure"; members: Members }
  | { type: "list"; min?: number; max?: number; member: Shape };

export type Member = Shape & { required?: boolean };
export type Members = Readonly<Record<string, Member>>;

export const shapes = {
  AddressListId: { type: "string", min: 1, max: 255, pattern: "^[a-zA-Z0-9-]+$" },
  AddressListName: { type: "string", min: 1, max: 255, pattern: "^[a-zA-Z0-9_.-]+$" },
  JobId: { type: "string", min: 1, max: 255, pattern: "^[a-zA-Z0-9-]+$" },
  JobName: { type: "string", min: 1, max: 255, pattern: "^[a-zA-Z0-9_.-]+$" },
  PaginationToken: { type: "string", min: 1, max: 2048 },
  PageSize: { type: "integer", min: 1, max: 50 },
  AddressPageSize: { type: "integer", min: 1, max: 1000 },
  IdempotencyToken: { type: "string", min: 1, max: 128 },
  Address: { type: "string", min: 3, max: 320, sensitive: true },
  AddressPrefix: { type: "string", min: 1, max: 320, sensitive: true },
  ImportDataType: { type: "string", enum: ["CSV", "JSON"] },
  TagList: {
    type: "list",
    min: 0,
    max: 200,
    member: {
      type: "structure",
      members: {
        Key: { type: "string", min: 1, max: 128, pattern: "^[a-zA-Z0-9/_\\+=\\.:@\\-]+$", required: true },
        Value: { type: "string", min: 0, max: 256, pattern: "^[a-zA-Z0-9/_\\+=\\.:@\\-]*$", required: true },
      },
    },
  },
} as const satisfies Record<string, Shape>;

/** AWS names members in messages in lower camel case: `PageSize` -> `pageSize`. */
const memberPath = (parent: string, name: string) =>
  (parent ? parent + "." : "") + name.charAt(0).toLowerCase() + name.slice(1);

const quote = (value: unknown) => `'${typeof value === "string" ? value : JSON.stringify(value)}'`;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function check(shape: Shape, value: unknown, path: string, out: string[]): void {
  const fail = (constraint: string) =>
    out.push(
      // Sensitive values are left out of messages, as AWS does for sensitive members.
      `Value ${shape.type === "string" && shape.sensitive ? "" : quote(value) + " "}at '${path}' failed to satisfy constraint: ${constraint}`,
    );
  switch (shape.type) {
    case "string": {
      if (typeof value !== "string")
        throw serializationError(`Expected a string at '${path}', got ${typeOf(value)}`);
      if (shape.min !== undefined && value.length < shape.min)
        fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max)
        fail(`Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(shape.pattern).test(value))
        fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value))
        fail(`Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
      return;
    }
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value))
        throw serializationError(`Expected an integer at '${path}', got ${typeOf(value)}`);
      if (shape.min !== undefined && value < shape.min)
        fail(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        fail(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case "list": {
      if (!Array.isArray(value))
        throw serializationError(`Expected a list at '${path}', got ${typeOf(value)}`);
      if (shape.min !== undefined && value.length < shape.min)
        fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max)
        fail(`Member must have length less than or equal to ${shape.max}`);
      // AWS numbers list items from 1: 'tags.1.member.key'.
      value.forEach((item, i) => check(shape.member, item, `${path}.${i + 1}.member`, out));
      return;
    }
    case "structure": {
      if (typeOf(value) !== "object")
        throw serializationError(`Expected a structure at '${path || "body"}', got ${typeOf(value)}`);
      checkMembers(shape.members, value as Record<string, unknown>, path, out);
      return;
    }
  }
}

function checkMembers(members: Members, input: Record<string, unknown>, path: string, out: string[]): void {
  for (const [name, member] of Object.entries(members)) {
    const value = input[name];
    const childPath = memberPath(path, name);
    // JSON null counts as absent, as in AWS JSON protocols.
    if (value === undefined || value === null) {
      if (member.required)
        out.push(`Value null at '${childPath}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    check(member, value, childPath, out);
  }
}

/**
 * Checks a request body against an operation's input table; throws SerializationException for
 * wrong JSON types and one ValidationException listing every violated constraint.
 */
export function validate(members: Members, input: unknown): void {
  if (typeOf(input) !== "object") throw serializationError("The request body must be a JSON object");
  const out: string[] = [];
  checkMembers(members, input as Record<string, unknown>, "", out);
  if (out.length > 0) {
    throw validationError(
      `${out.length} validation error${out.length === 1 ? "" : "s"} detected: ${out.join("; ")}`,
    );
  }
}

/**
 * The input with every `null` member left out, at any depth: JSON null counts as absent (as `validate`
 * treats it), so handlers, which default absent members, never see a null.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeOf(value) !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== null)
      .map(([name, member]) => [name, withoutNulls(member)]),
  );
}
