import { connect } from "node:net";
import {
  CreateAddressListCommand,
  ListAddressListImportJobsCommand,
  ListAddressListsCommand,
  MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor, errorOf, rawRequest, signedHeaders, signedRequest } from "./helpers";

describe("wire protocol", () => {
  let emulator: Emulator;
  let client: MailManagerClient;

  beforeEach(async () => {
    // A clock far in the past: the HTTP Date header and SigV4 checks must still use real time.
    emulator = await startEmulator({ clock: new ManualClock(Date.UTC(2001, 0, 1)) });
    client = clientFor(emulator);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  describe("SigV4", () => {
    it("rejects an unsigned request with MissingAuthenticationTokenException (403)", async () => {
      const response = await rawRequest(emulator.url, {
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": "MailManagerSvc.ListAddressLists",
        },
        body: "{}",
      });
      expect(response.status).toBe(403);
      expect(errorOf(response)).toEqual({
        type: "MissingAuthenticationTokenException",
        message: "Missing Authentication Token",
      });
    });

    it("rejects a wrong secret with InvalidSignatureException and an unknown key with UnrecognizedClientException", async () => {
      const wrongSecret = clientFor(emulator, {
        credentials: { accessKeyId: "test", secretAccessKey: "nope" },
      });
      const bad = await caught(() => wrongSecret.send(new ListAddressListsCommand({})));
      expect(bad.name).toBe("InvalidSignatureException");
      expect(bad.$metadata).toMatchObject({ httpStatusCode: 403 });
      wrongSecret.destroy();

      const unknownKey = clientFor(emulator, {
        credentials: { accessKeyId: "AKIDOTHER", secretAccessKey: "test" },
      });
      const unknown = await caught(() => unknownKey.send(new ListAddressListsCommand({})));
      expect(unknown.name).toBe("UnrecognizedClientException");
      expect(unknown.message).toBe("The security token included in the request is invalid.");
      unknownKey.destroy();
    });

    it("rejects a body changed after signing", async () => {
      const headers = await signedHeaders(emulator, "CreateAddressList", '{"AddressListName":"a"}');
      const response = await rawRequest(emulator.url, { headers, body: '{"AddressListName":"b"}' });
      expect(response.status).toBe(403);
      expect(errorOf(response).type).toBe("InvalidSignatureException");

      // Without x-amz-content-sha256 the signer hashes the body itself, as botocore does.
      const { "x-amz-content-sha256": _, ...noHash } = headers;
      const tampered = await rawRequest(emulator.url, { headers: noHash, body: '{"AddressListName":"b"}' });
      expect(errorOf(tampered).message).toMatch(/^The request signature we calculated does not match/);
    });

    it("rejects a signature dated more than 15 minutes from real time, or for another service", async () => {
      const old = new Date(Date.now() - 20 * 60 * 1000);
      const body = "{}";
      const stale = await rawRequest(emulator.url, {
        headers: await signedHeaders(emulator, "ListAddressLists", body, { date: old }),
        body,
      });
      expect(errorOf(stale)).toMatchObject({
        type: "InvalidSignatureException",
        message: expect.stringMatching(/^Signature expired/),
      });

      const wrongService = await rawRequest(emulator.url, {
        headers: await signedHeaders(emulator, "ListAddressLists", body, { service: "s3" }),
        body,
      });
      expect(errorOf(wrongService).message).toBe("Credential should be scoped to correct service: 'ses'.");
    });

    it("accepts signatures for any region", async () => {
      const sydney = clientFor(emulator, { region: "ap-southeast-2" });
      await expect(sydney.send(new ListAddressListsCommand({}))).resolves.toMatchObject({ AddressLists: [] });
      sydney.destroy();
    });

    it("rejects a malformed Authorization header with IncompleteSignatureException", async () => {
      const response = await rawRequest(emulator.url, {
        headers: {
          authorization: "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ses/aws4_request",
          "x-amz-target": "MailManagerSvc.ListAddressLists",
        },
        body: "{}",
      });
      expect(response.status).toBe(400);
      expect(errorOf(response).type).toBe("IncompleteSignatureException");
    });
  });

  describe("errors", () => {
    it("answers malformed JSON with SerializationException, never a crash", async () => {
      for (const body of ["{not json", "[1,2]", '"text"', '{"PageSize":"10"}']) {
        const response = await signedRequest(emulator, "ListAddressLists", body);
        expect(response.status).toBe(400);
        expect(errorOf(response).type).toBe("SerializationException");
      }
      await expect(client.send(new ListAddressListsCommand({}))).resolves.toBeDefined();
    });

    it("answers an unknown or missing X-Amz-Target with UnknownOperationException", async () => {
      const unknown = await signedRequest(emulator, "DescribeEverything", "{}");
      expect(unknown.status).toBe(400);
      expect(errorOf(unknown)).toEqual({
        type: "UnknownOperationException",
        message: "Unknown operation: MailManagerSvc.DescribeEverything",
      });
      const proto = await signedRequest(emulator, "__proto__", "{}");
      expect(errorOf(proto).type).toBe("UnknownOperationException");
      expect(emulator.calls("DescribeEverything")).toBe(1);
      const missing = await signedRequest(emulator, "", "{}");
      expect(errorOf(missing)).toEqual({
        type: "UnknownOperationException",
        message: "Missing X-Amz-Target header",
      });
    });

    it("survives a request line Node parses but URL cannot, answering a JSON 404", async () => {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(emulator.url).port), "127.0.0.1");
        let out = "";
        socket.on("data", (d: Buffer) => (out += d));
        socket.on("close", () => resolve(out));
        socket.on("error", reject);
        socket.end("GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      });
      // A request-target that is no URL is the client's error, not the server's (was a 500 before the
      // hardening run, tests/hardening/regressions.test.ts).
      expect(reply).toMatch(/^HTTP\/1.1 404 /);
      expect(reply).toContain('"__type":"UnknownOperationException"');
      await expect(client.send(new ListAddressListsCommand({}))).resolves.toBeDefined();
    });

    it("answers other routes with a JSON 404", async () => {
      const response = await rawRequest(emulator.url, { method: "GET", path: "/nothing-here" });
      expect(response.status).toBe(404);
      expect(errorOf(response).type).toBe("UnknownOperationException");
    });

    it("sends well-formed AWS JSON errors: __type, message, x-amzn-errortype, x-amzn-RequestId", async () => {
      const response = await signedRequest(
        emulator,
        "GetAddressList",
        JSON.stringify({ AddressListId: "al-x" }),
      );
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toBe("application/x-amz-json-1.0");
      expect(JSON.parse(response.text)).toEqual({
        __type: "com.amazonaws.mailmanager#ResourceNotFoundException",
        message: "Address list al-x not found.",
      });
      expect(response.headers["x-amzn-errortype"]).toBe("ResourceNotFoundException");
      const error = await caught(() =>
        client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-x" })),
      );
      expect(error.$metadata).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    });

    it("sends a Date header from real time, whatever the emulator clock says", async () => {
      const response = await signedRequest(emulator, "ListAddressLists", "{}");
      expect(Math.abs(Date.parse(String(response.headers.date)) - Date.now())).toBeLessThan(5000);
    });
  });

  describe("access control", () => {
    it("denies matching operations with AccessDeniedException (403) naming the IAM action", async () => {
      emulator.setDeny([{ operation: "ListAddressListImportJobs" }]);
      const error = await caught(() =>
        client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-1" })),
      );
      expect(error.name).toBe("AccessDeniedException");
      expect(error.$metadata).toMatchObject({ httpStatusCode: 403 });
      expect(error.message).toBe(
        "User: arn:aws:iam::000000000000:user/test is not authorized to perform: ses:ListAddressListImportJobs on resource: " +
          "arn:aws:ses:us-east-1:000000000000:mailmanager-address-list/al-1 because no identity-based policy allows the ses:ListAddressListImportJobs action",
      );
      await expect(client.send(new ListAddressListsCommand({}))).resolves.toBeDefined();

      emulator.setDeny([]);
      const allowed = await caught(() =>
        client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-1" })),
      );
      expect(allowed.name).toBe("ResourceNotFoundException");
    });

    it("denies by access key", async () => {
      emulator.setDeny([{ accessKeyId: "someone-else" }]);
      await expect(client.send(new ListAddressListsCommand({}))).resolves.toBeDefined();
      emulator.setDeny([{ accessKeyId: "test", operation: "CreateAddressList" }]);
      const error = await caught(() => client.send(new CreateAddressListCommand({ AddressListName: "x" })));
      expect(error.name).toBe("AccessDeniedException");
      expect(error.message).toMatch(/on resource: \* because/);
    });

    it("accepts configured credentials and denies from the start", async () => {
      const other = await startEmulator({
        credentials: { accessKeyId: "AKIDCUSTOM", secretAccessKey: "s3cret" },
        deny: [{ operation: "ListAddressLists" }],
      });
      const custom = clientFor(other);
      try {
        expect(other.credentials).toEqual({ accessKeyId: "AKIDCUSTOM", secretAccessKey: "s3cret" });
        expect((await caught(() => custom.send(new ListAddressListsCommand({})))).name).toBe(
          "AccessDeniedException",
        );
        await expect(
          custom.send(new CreateAddressListCommand({ AddressListName: "x" })),
        ).resolves.toBeDefined();
        const asTest = clientFor(emulator, { endpoint: other.url });
        expect((await caught(() => asTest.send(new ListAddressListsCommand({})))).name).toBe(
          "UnrecognizedClientException",
        );
        asTest.destroy();
      } finally {
        custom.destroy();
        await other.close();
      }
    });
  });

  describe("request counter", () => {
    it("counts every API request per operation, rejected ones too, until reset", async () => {
      await client.send(new ListAddressListsCommand({}));
      await caught(() => client.send(new ListAddressListsCommand({ PageSize: 0 })));
      await rawRequest(emulator.url, {
        headers: { "x-amz-target": "MailManagerSvc.ListAddressLists" },
        body: "{}",
      });
      await caught(() => client.send(new ListAddressListImportJobsCommand({ AddressListId: "al-x" })));
      expect(emulator.calls("ListAddressLists")).toBe(3);
      expect(emulator.calls("ListAddressListImportJobs")).toBe(1);
      expect(emulator.calls("GetAddressList")).toBe(0);
      expect(emulator.calls()).toBe(4);

      // Uploads and seeding are not API requests.
      emulator.seed({ addressLists: [{ name: "n" }] });
      expect(emulator.calls()).toBe(4);

      emulator.resetCalls();
      expect(emulator.calls()).toBe(0);
      expect(emulator.calls("ListAddressLists")).toBe(0);
    });
  });
});
