import {
  ListAddressListImportJobsCommand,
  ListAddressListsCommand,
  MailManagerClient,
  paginateListAddressListImportJobs,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { caught, clientFor } from "./helpers";

describe("fault injection", () => {
  let clock: ManualClock;
  let emulator: Emulator;
  let client: MailManagerClient;
  let listId: string;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2025, 0, 1));
    emulator = await startEmulator({ clock });
    client = clientFor(emulator);
    [listId] = emulator.seed({
      addressLists: [{ name: "l", jobs: Array.from({ length: 30 }, (_, i) => ({ name: `j${i}` })) }],
    }).addressListIds;
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const list = () => client.send(new ListAddressListsCommand({}));
  const outcome = async () => {
    try {
      await list();
      return "ok";
    } catch (e) {
      return (e as Error).name;
    }
  };

  it("latencyMs delays every response", async () => {
    emulator.setFaults({ latencyMs: 120 });
    const started = Date.now();
    await list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("slowResponseRate delays some responses by slowResponseMs", async () => {
    emulator.setFaults({ slowResponseRate: 1, slowResponseMs: 150 });
    const started = Date.now();
    await list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("tps throttles requests beyond the rate with 429 ThrottlingException, on the emulator clock", async () => {
    emulator.setFaults({ tps: 3 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await outcome());
    expect(results).toEqual(["ok", "ok", "ok", "ThrottlingException", "ThrottlingException"]);

    const error = await caught(list);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 429 });
    expect(error.message).toBe("Rate exceeded");

    clock.advance(1000);
    expect(await outcome()).toBe("ok");
  });

  it("throttleNext throttles exactly the next N requests", async () => {
    emulator.setFaults({ throttleNext: 2 });
    expect([await outcome(), await outcome(), await outcome()]).toEqual([
      "ThrottlingException",
      "ThrottlingException",
      "ok",
    ]);
  });

  it("a throttled SDK call is retried and succeeds when the throttling stops", async () => {
    const retrying = clientFor(emulator, { maxAttempts: 3 });
    emulator.setFaults({ throttleNext: 1 });
    const response = await retrying.send(new ListAddressListsCommand({}));
    expect(response.$metadata.attempts).toBe(2);
    expect(emulator.calls("ListAddressLists")).toBe(2);
    retrying.destroy();
  }, 10_000);

  it("failNext replies with the queued errors, in order", async () => {
    emulator.setFaults({
      failNext: [
        { status: 403, type: "AccessDeniedException", message: "no" },
        { status: 503, type: "ServiceUnavailable" },
      ],
    });
    const first = await caught(list);
    expect(first).toMatchObject({ name: "AccessDeniedException", message: "no" });
    expect(first.$metadata).toMatchObject({ httpStatusCode: 403 });
    const second = await caught(list);
    expect(second).toMatchObject({ name: "ServiceUnavailable", $fault: "server" });
    expect(second.$metadata).toMatchObject({ httpStatusCode: 503 });
    expect(await outcome()).toBe("ok");
  });

  it("serverErrorRate answers 500 InternalServerError", async () => {
    emulator.setFaults({ serverErrorRate: 1 });
    const error = await caught(list);
    expect(error).toMatchObject({ name: "InternalServerError", $fault: "server" });
    expect(error.$metadata).toMatchObject({ httpStatusCode: 500 });
  });

  it("malformedBodyRate sends a 200 with a truncated body the SDK cannot parse", async () => {
    emulator.setFaults({ malformedBodyRate: 1 });
    const error = await caught(list);
    expect(error.name).toBe("SyntaxError");
    expect(error.$metadata).toMatchObject({ httpStatusCode: 200 });
  });

  it("resetRate destroys the connection without a response", async () => {
    emulator.setFaults({ resetRate: 1 });
    const error = await caught(list);
    expect(`${error.code} ${error.message}`).toMatch(/ECONNRESET|socket hang up/);
    expect(error.$metadata).toMatchObject({ attempts: 1 });
    emulator.setFaults({});
    expect(await outcome()).toBe("ok");
  });

  it("rates are drawn from a seeded PRNG: the same seed gives the same faults", async () => {
    const run = async () => {
      emulator.setFaults({ serverErrorRate: 0.5, seed: 42 });
      const results = [];
      for (let i = 0; i < 12; i++) results.push(await outcome());
      return results;
    };
    const first = await run();
    expect(first).toContain("ok");
    expect(first).toContain("InternalServerError");
    expect(await run()).toEqual(first);
  });

  it("repeatNextToken hands back the token it was given, forever", async () => {
    emulator.setFaults({ repeatNextToken: true });
    const page1 = await client.send(
      new ListAddressListImportJobsCommand({ AddressListId: listId, PageSize: 10 }),
    );
    const page2 = await client.send(
      new ListAddressListImportJobsCommand({
        AddressListId: listId,
        PageSize: 10,
        NextToken: page1.NextToken,
      }),
    );
    const page3 = await client.send(
      new ListAddressListImportJobsCommand({
        AddressListId: listId,
        PageSize: 10,
        NextToken: page2.NextToken,
      }),
    );
    expect(page2.NextToken).toBe(page1.NextToken);
    expect(page3.NextToken).toBe(page1.NextToken);
  });

  it("cyclicNextToken makes tokens cycle A -> B -> A", async () => {
    emulator.setFaults({ cyclicNextToken: true });
    const send = (NextToken?: string) =>
      client.send(new ListAddressListImportJobsCommand({ AddressListId: listId, PageSize: 10, NextToken }));
    const a = (await send()).NextToken!;
    const b = (await send(a)).NextToken!;
    const c = (await send(b)).NextToken!;
    expect(b).not.toBe(a);
    expect(c).toBe(a);
    expect((await send(c)).NextToken).toBe(b);
  });

  it("jobsAppearingPerListPage creates jobs while a client pages", async () => {
    emulator.setFaults({ jobsAppearingPerListPage: 4 });
    const seen: string[] = [];
    for await (const page of paginateListAddressListImportJobs(
      { client, pageSize: 10 },
      { AddressListId: listId },
    )) {
      seen.push(...page.ImportJobs!.map((j) => j.JobId!));
    }
    emulator.setFaults({});
    const after = await client.send(
      new ListAddressListImportJobsCommand({ AddressListId: listId, PageSize: 50 }),
    );
    expect(after.ImportJobs!.length).toBeGreaterThan(30);
    expect(after.ImportJobs!.length % 4).toBe(30 % 4);
    expect(after.ImportJobs!.filter((j) => j.Name!.startsWith("appeared-")).length).toBe(
      after.ImportJobs!.length - 30,
    );
    expect(seen.length).toBeGreaterThanOrEqual(30);
  });

  it("setFaults replaces the settings, and bad settings are refused up front", async () => {
    emulator.setFaults({ throttleNext: 5 });
    emulator.setFaults({});
    expect(await outcome()).toBe("ok");
    expect(() => emulator.setFaults({ serverErrorRate: 2 })).toThrow(
      "Expected `faults.serverErrorRate` to be a number from 0 to 1, got 2.",
    );
    await expect(startEmulator({ faults: { tps: 0 } })).rejects.toThrow(/faults.tps/);
  });
});
