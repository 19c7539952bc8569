import {
  DeregisterMemberFromAddressListCommand,
  GetMemberOfAddressListCommand,
  ListMembersOfAddressListCommand,
  MailManagerClient,
  paginateListMembersOfAddressList,
  RegisterMemberToAddressListCommand,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor } from "./helpers";

describe("address list members", () => {
  const clock = new ManualClock(Date.UTC(2025, 2, 3));
  let emulator: Emulator;
  let client: MailManagerClient;
  let AddressListId: string;

  beforeEach(async () => {
    emulator = await startEmulator({ clock });
    client = clientFor(emulator);
    [AddressListId] = emulator.seed({ addressLists: [{ name: "team" }] }).addressListIds;
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  it("registers, gets, lists and deregisters a member", async () => {
    await client.send(new RegisterMemberToAddressListCommand({ AddressListId, Address: "Ann@Example.com" }));
    // Registering again is a no-op (idempotent), whatever the case.
    await client.send(new RegisterMemberToAddressListCommand({ AddressListId, Address: "ann@example.com" }));

    const member = await client.send(
      new GetMemberOfAddressListCommand({ AddressListId, Address: "ann@example.com" }),
    );
    expect(member).toMatchObject({ Address: "Ann@Example.com", CreatedTimestamp: new Date(clock.now()) });
    const listed = await client.send(new ListMembersOfAddressListCommand({ AddressListId }));
    expect(listed.Addresses?.map((a) => a.Address)).toEqual(["Ann@Example.com"]);

    await client.send(
      new DeregisterMemberFromAddressListCommand({ AddressListId, Address: "ann@example.com" }),
    );
    const gone = await caught(() =>
      client.send(new GetMemberOfAddressListCommand({ AddressListId, Address: "ann@example.com" })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    const again = await caught(() =>
      client.send(new DeregisterMemberFromAddressListCommand({ AddressListId, Address: "ann@example.com" })),
    );
    expect(again.name).toBe("ResourceNotFoundException");
  });

  it("accepts the documented wildcard forms and rejects what is not an address", async () => {
    for (const Address of ["*@example.com", "user@*.example.com", "*.example.com", "abc*@example.com"]) {
      await client.send(new RegisterMemberToAddressListCommand({ AddressListId, Address }));
    }
    const invalid = await caught(() =>
      client.send(new RegisterMemberToAddressListCommand({ AddressListId, Address: "not an address" })),
    );
    expect(invalid.name).toBe("ValidationException");
  });

  it("leaves the sensitive address out of validation messages", async () => {
    const error = await caught(() =>
      client.send(new RegisterMemberToAddressListCommand({ AddressListId, Address: "ab" })),
    );
    expect(error.message).toBe(
      "1 validation error detected: Value at 'address' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
  });

  it("filters by prefix and pages with PageSize up to 1000", async () => {
    const addresses = Array.from({ length: 25 }, (_, i) => `user${String(i).padStart(2, "0")}@example.com`);
    emulator.seed({
      addressLists: [{ addressListId: "al-many", name: "many", members: [...addresses, "zed@example.com"] }],
    });

    const seen: string[] = [];
    for await (const page of paginateListMembersOfAddressList(
      { client, pageSize: 10 },
      { AddressListId: "al-many", Filter: { AddressPrefix: "USER" } },
    )) {
      seen.push(...page.Addresses!.map((a) => a.Address!));
    }
    expect(seen.sort()).toEqual(addresses);
    expect(emulator.calls("ListMembersOfAddressList")).toBe(3);

    const all = await client.send(
      new ListMembersOfAddressListCommand({ AddressListId: "al-many", PageSize: 1000 }),
    );
    expect(all.Addresses).toHaveLength(26);
    const tooBig = await caught(() =>
      client.send(new ListMembersOfAddressListCommand({ AddressListId: "al-many", PageSize: 1001 })),
    );
    expect(tooBig.message).toMatch(
      /Value '1001' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 1000$/,
    );
  });

  it("enforces the quota of 100,000 addresses per list with ServiceQuotaExceededException (402)", async () => {
    const members = Array.from({ length: 100_000 }, (_, i) => `m${i}@example.com`);
    emulator.seed({ addressLists: [{ addressListId: "al-full", name: "full", members }] });
    const error = await caught(() =>
      client.send(
        new RegisterMemberToAddressListCommand({ AddressListId: "al-full", Address: "one-more@example.com" }),
      ),
    );
    expect(error.name).toBe("ServiceQuotaExceededException");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 402 });
    // An existing member is still accepted: registering is idempotent.
    await client.send(
      new RegisterMemberToAddressListCommand({ AddressListId: "al-full", Address: "m1@example.com" }),
    );
  });

  it("answers ResourceNotFoundException for a missing list", async () => {
    const error = await caught(() =>
      client.send(
        new RegisterMemberToAddressListCommand({ AddressListId: "al-missing", Address: "a@example.com" }),
      ),
    );
    expect(error.name).toBe("ResourceNotFoundException");
  });
});
