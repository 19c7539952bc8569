/**
 * Errors on the wire. Status codes are the model's `httpError` traits (the API Reference pages
 * say 400 for all; the JS SDK and botocore classify errors by the `__type` name either way).
 * Framework errors (auth, serialization, unknown
 * operation) use the codes AWS JSON services return.
 */
const STATUS = {
  ValidationException: 400,
  SerializationException: 400,
  UnknownOperationException: 400,
  IncompleteSignatureException: 400,
  AccessDeniedException: 403,
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  InternalServerError: 500,
} as const;

export type ErrorType = keyof typeof STATUS;

/** Modeled errors get the service's namespace in `__type`, as AWS JSON 1.0 services send it. */
const MODELED = new Set<string>([
  "ValidationException",
  "AccessDeniedException",
  "ResourceNotFoundException",
  "ConflictException",
  "ServiceQuotaExceededException",
  "ThrottlingException",
]);

/** An error that becomes a well-formed AWS JSON error response. */
export class ServiceError extends Error {
  override readonly name = "ServiceError";

  constructor(
    readonly type: string,
    message: string,
    readonly status: number = STATUS[type as ErrorType] ?? 400,
  ) {
    super(message);
  }

  /** The `__type` value of the body. */
  get wireType(): string {
    return MODELED.has(this.type) ? `com.amazonaws.mailmanager#${this.type}` : this.type;
  }

  /** The response body: `message` is read by the JS SDK (`message ?? Message`) and botocore alike. */
  toBody(): string {
    return JSON.stringify({ __type: this.wireType, message: this.message });
  }
}

export const validationError = (message: string) => new ServiceError("ValidationException", message);
export const serializationError = (message: string) => new ServiceError("SerializationException", message);
export const notFound = (message: string) => new ServiceError("ResourceNotFoundException", message);
export const conflict = (message: string) => new ServiceError("ConflictException", message);
export const quotaExceeded = (message: string) => new ServiceError("ServiceQuotaExceededException", message);
export const throttled = () => new ServiceError("ThrottlingException", "Rate exceeded");
export const accessDenied = (message: string) => new ServiceError("AccessDeniedException", message);
export const internalError = () =>
  new ServiceError("InternalServerError", "We encountered an internal error. Please try again.");
