import {
  GetAddressListImportJobCommand,
  GetMemberOfAddressListCommand,
  MailManagerClient,
} from "@aws-sdk/client-mailmanager";
import { ManualClock, startEmulator, type Emulator } from "../../emulator";
import { clientFor } from "./helpers";

describe("seed data and test hooks", () => {
  const start = Date.UTC(2025, 3, 1);
  let clock: ManualClock;
  let emulator: Emulator;
  let client: MailManagerClient;

  beforeEach(async () => {
    clock = new ManualClock(start);
    emulator = await startEmulator({
      clock,
      processingMs: 3000,
      seed: {
        addressLists: [
          {
            addressListId: "al-seeded",
            name: "seeded",
            members: ["a@example.com"],
            jobs: [
              {
                jobId: "job-done",
                name: "done",
                status: "COMPLETED",
                importedItemsCount: 7,
                failedItemsCount: 1,
                createdTimestamp: start - 60_000,
              },
              { jobId: "job-running", name: "running", status: "PROCESSING", importedItemsCount: 5 },
              { jobId: "job-doomed", name: "doomed", status: "PROCESSING", error: "Bad file" },
              { jobId: "job-new", name: "new", importDataType: "JSON" },
            ],
          },
        ],
      },
    });
    client = clientFor(emulator);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const getJob = (JobId: string) => client.send(new GetAddressListImportJobCommand({ JobId }));

  it("serves seeded lists, members and jobs, filling in what the service would have recorded", async () => {
    expect(await getJob("job-done")).toMatchObject({
      Status: "COMPLETED",
      ImportedItemsCount: 7,
      FailedItemsCount: 1,
      CreatedTimestamp: new Date(start - 60_000),
      StartTimestamp: new Date(start - 60_000),
      CompletedTimestamp: new Date(start - 60_000),
    });
    expect(await getJob("job-new")).toMatchObject({
      Status: "CREATED",
      ImportDataFormat: { ImportDataType: "JSON" },
    });
    const member = await client.send(
      new GetMemberOfAddressListCommand({ AddressListId: "al-seeded", Address: "a@example.com" }),
    );
    expect(member.Address).toBe("a@example.com");
    expect(emulator.calls()).toBe(3);
  });

  it("finishes seeded PROCESSING jobs after processingMs, FAILED when they carry an error", async () => {
    expect((await getJob("job-running")).Status).toBe("PROCESSING");
    clock.advance(3000);
    expect(await getJob("job-running")).toMatchObject({
      Status: "COMPLETED",
      ImportedItemsCount: 5,
      FailedItemsCount: 0,
    });
    expect(await getJob("job-doomed")).toMatchObject({ Status: "FAILED", Error: "Bad file" });
  });

  it("updateJob changes a job as the service would, and takes over from its timer", async () => {
    emulator.updateJob("job-running", { status: "FAILED", error: "Stopped by test", failedItemsCount: 3 });
    clock.advance(10_000);
    expect(await getJob("job-running")).toMatchObject({
      Status: "FAILED",
      Error: "Stopped by test",
      FailedItemsCount: 3,
    });

    emulator.updateJob("job-running", {
      status: "COMPLETED",
      error: undefined,
      completedTimestamp: start + 1234,
    });
    const job = await getJob("job-running");
    expect(job.Error).toBeUndefined();
    expect(job.CompletedTimestamp).toEqual(new Date(start + 1234));

    expect(() => emulator.updateJob("job-nope", { status: "COMPLETED" })).toThrow(
      "updateJob: no import job job-nope.",
    );
    expect(() => emulator.updateJob("job-new", { status: "DONE" as "COMPLETED" })).toThrow(/enum value set/);
  });

  it("returns the ids of what it seeded and refuses data the API could not create", () => {
    const { addressListIds, jobIds } = emulator.seed({
      addressLists: [{ name: "more", jobs: [{ name: "x" }, { name: "y" }] }, { name: "empty" }],
    });
    expect(addressListIds).toHaveLength(2);
    expect(jobIds.map((ids) => ids.length)).toEqual([2, 0]);

    expect(() => emulator.seed({ addressLists: [{ name: "bad name" }] })).toThrow(
      /Invalid seed data for an address list/,
    );
    expect(() => emulator.seed({ addressLists: [{ addressListId: "al-seeded", name: "again" }] })).toThrow(
      /already exists/,
    );
    expect(() => emulator.seed({ addressLists: [{ name: "m", members: ["nope"] }] })).toThrow(
      /not a valid address/,
    );
  });
});

describe(ManualClock.name, () => {
  it("fires due timers in order when advanced, including timers they set", () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      fired.push(`a@${clock.now()}`);
      clock.setTimeout(() => fired.push(`c@${clock.now()}`), 50);
    }, 100);
    const cancelled = clock.setTimeout(() => fired.push("never"), 10);
    clock.clearTimeout(cancelled);

    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(200);
    expect(fired).toEqual(["a@1100", "c@1150", "b@1200"]);
    expect(clock.now()).toBe(1299);
    expect(clock.pendingTimers).toBe(0);
  });
});
