// Service and SDK errors → the package's typed errors, without a network: errors shaped as the AWS SDK
// throws them (a `name`, `$metadata.httpStatusCode`, a message).
import {
  isAccessDeniedError,
  isAddressListNotFoundError,
  isCredentialsError,
  isServiceError,
  isThrottledError,
  ServiceError,
} from "../../provider/core/errors";
import { mapServiceError } from "../../provider/core/mapServiceError";

const context = { addressListId: "al-1", region: "eu-west-1", maxAttempts: 8 };

function sdkError(name: string, httpStatusCode: number, message = `${name} message`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

describe(mapServiceError.name, () => {
  it("maps an unknown list to AddressListNotFoundError naming the list and region", () => {
    const error = mapServiceError(sdkError("ResourceNotFoundException", 404), context);
    expect(isAddressListNotFoundError(error)).toBe(true);
    expect(error.message).toContain("al-1");
    expect(error.message).toContain("eu-west-1");
  });

  it("names the IAM action of the operation that was denied", () => {
    const list = mapServiceError(sdkError("AccessDeniedException", 403), context);
    expect(isAccessDeniedError(list)).toBe(true);
    expect(list.message).toContain("ses:ListAddressListImportJobs");
    const get = mapServiceError(sdkError("AccessDeniedException", 403), {
      ...context,
      operation: "GetAddressListImportJob",
    });
    expect(get.message).toContain("ses:GetAddressListImportJob");
  });

  it.each(["InvalidSignatureException", "UnrecognizedClientException", "ExpiredTokenException"])(
    "maps %s to a CredentialsError that says how to fix it",
    (name) => {
      const error = mapServiceError(sdkError(name, 403), context);
      expect(isCredentialsError(error)).toBe(true);
      expect(error.message).toMatch(/profile|AWS_ACCESS_KEY_ID|sso/i);
    },
  );

  it("maps throttling (by name or HTTP 429) to ThrottledError with the attempts made", () => {
    expect(isThrottledError(mapServiceError(sdkError("ThrottlingException", 400), context))).toBe(true);
    const by429 = mapServiceError(sdkError("TooManyRequests", 429), context);
    expect(isThrottledError(by429)).toBe(true);
    expect(by429.message).toContain("8");
  });

  it("keeps anything else as a ServiceError with the service's error name, and passes the package's own errors through", () => {
    const other = mapServiceError(sdkError("InternalServerException", 500), context);
    expect(isServiceError(other)).toBe(true);
    expect(other.message).toContain("InternalServerException");
    expect(mapServiceError(other, context)).toBe(other);
    expect(
      mapServiceError(new ServiceError({ ...context, serviceErrorName: "X", detail: "x" }), context),
    ).toBeInstanceOf(ServiceError);
  });
});
