import {
  CreateAddressListCommand,
  CreateAddressListImportJobCommand,
  DeleteAddressListCommand,
  GetAddressListCommand,
  GetAddressListImportJobCommand,
  ListAddressListsCommand,
  MailManagerClient,
  paginateListAddressLists,
  StartAddressListImportJobCommand,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor } from "./helpers";

describe("address lists", () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
  let emulator: Emulator;
  let client: MailManagerClient;

  beforeEach(async () => {
    emulator = await startEmulator({ clock, region: "eu-west-1" });
    client = clientFor(emulator);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  it("creates, gets, lists and deletes an address list", async () => {
    const { AddressListId } = await client.send(
      new CreateAddressListCommand({ AddressListName: "customers" }),
    );
    expect(AddressListId).toMatch(/^[a-zA-Z0-9-]+$/);

    const list = await client.send(new GetAddressListCommand({ AddressListId }));
    expect(list).toMatchObject({
      AddressListId,
      AddressListName: "customers",
      AddressListArn: `arn:aws:ses:eu-west-1:000000000000:mailmanager-address-list/${AddressListId}`,
      CreatedTimestamp: new Date(clock.now()),
      LastUpdatedTimestamp: new Date(clock.now()),
    });

    const listed = await client.send(new ListAddressListsCommand({}));
    expect(listed.AddressLists?.map((l) => l.AddressListId)).toEqual([AddressListId]);
    expect(listed.NextToken).toBeUndefined();

    await client.send(new DeleteAddressListCommand({ AddressListId }));
    const error = await caught(() => client.send(new GetAddressListCommand({ AddressListId })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
  });

  it("rejects a second list with the same name with ConflictException (409)", async () => {
    await client.send(new CreateAddressListCommand({ AddressListName: "dup" }));
    const error = await caught(() => client.send(new CreateAddressListCommand({ AddressListName: "dup" })));
    expect(error.name).toBe("ConflictException");
    expect(error.message).toMatch(/dup already exists/);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 409 });
  });

  it("replays a ClientToken: same id, nothing created twice", async () => {
    const first = await client.send(
      new CreateAddressListCommand({ AddressListName: "a", ClientToken: "tok-1" }),
    );
    const again = await client.send(
      new CreateAddressListCommand({ AddressListName: "a", ClientToken: "tok-1" }),
    );
    expect(again.AddressListId).toBe(first.AddressListId);
    expect((await client.send(new ListAddressListsCommand({}))).AddressLists).toHaveLength(1);

    const error = await caught(() =>
      client.send(new CreateAddressListCommand({ AddressListName: "b", ClientToken: "tok-1" })),
    );
    expect(error.name).toBe("ConflictException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 409 });
    expect(error.message).toMatch(/ClientToken was already used/);
  });

  it("validates names with AWS-worded messages, listing every violation", async () => {
    const bad = await caught(() =>
      client.send(new CreateAddressListCommand({ AddressListName: "has space" })),
    );
    expect(bad.name).toBe("ValidationException");
    expect(bad.message).toBe(
      "1 validation error detected: Value 'has space' at 'addressListName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_.-]+$",
    );

    const empty = await caught(() => client.send(new CreateAddressListCommand({ AddressListName: "" })));
    expect(empty.message).toBe(
      "2 validation errors detected: Value '' at 'addressListName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'addressListName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_.-]+$",
    );

    const token = await caught(() =>
      client.send(new CreateAddressListCommand({ AddressListName: "ok", ClientToken: "x".repeat(129) })),
    );
    expect(token.message).toMatch(
      /at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 128$/,
    );

    const tags = await caught(() =>
      client.send(
        new CreateAddressListCommand({ AddressListName: "ok", Tags: [{ Key: "bad key!", Value: "v" }] }),
      ),
    );
    expect(tags.message).toMatch(/Value 'bad key!' at 'tags.1.member.key' failed to satisfy constraint/);
  });

  it("enforces the quota of 100 lists with ServiceQuotaExceededException (402)", async () => {
    emulator.seed({ addressLists: Array.from({ length: 100 }, (_, i) => ({ name: `list-${i}` })) });
    const error = await caught(() =>
      client.send(new CreateAddressListCommand({ AddressListName: "one-too-many" })),
    );
    expect(error.name).toBe("ServiceQuotaExceededException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 402 });
  });

  it("pages through lists and rejects PageSize outside 1-50", async () => {
    emulator.seed({ addressLists: Array.from({ length: 12 }, (_, i) => ({ name: `l-${i}` })) });
    const ids: string[] = [];
    for await (const page of paginateListAddressLists({ client, pageSize: 5 }, {})) {
      ids.push(...(page.AddressLists ?? []).map((l) => l.AddressListId!));
    }
    expect(new Set(ids).size).toBe(12);
    expect(emulator.calls("ListAddressLists")).toBe(3);

    for (const PageSize of [0, 51]) {
      const error = await caught(() => client.send(new ListAddressListsCommand({ PageSize })));
      expect(error.name).toBe("ValidationException");
      expect(error.message).toContain(`Value '${PageSize}' at 'pageSize' failed to satisfy constraint`);
    }
  });

  it("deletes a missing list without error (the model has no ResourceNotFoundException for it)", async () => {
    await expect(
      client.send(new DeleteAddressListCommand({ AddressListId: "al-missing" })),
    ).resolves.toBeDefined();
  });

  it("refuses to delete a list while an import runs, and deletes its jobs with it", async () => {
    const { AddressListId } = await client.send(new CreateAddressListCommand({ AddressListName: "busy" }));
    const job = await client.send(
      new CreateAddressListImportJobCommand({
        AddressListId,
        Name: "j",
        ImportDataFormat: { ImportDataType: "CSV" },
      }),
    );
    await fetch(job.PreSignedUrl!, { method: "PUT", body: "address\na@example.com\n" });
    await client.send(new StartAddressListImportJobCommand({ JobId: job.JobId }));

    const error = await caught(() => client.send(new DeleteAddressListCommand({ AddressListId })));
    expect(error.name).toBe("ConflictException");

    clock.advance(2000);
    await client.send(new DeleteAddressListCommand({ AddressListId }));
    const gone = await caught(() => client.send(new GetAddressListImportJobCommand({ JobId: job.JobId })));
    expect(gone.name).toBe("ResourceNotFoundException");
  });
});
