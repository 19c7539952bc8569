import { useEchoMocks } from "../support/outputHelpers";
import { getAddressListImportJobsOutput } from "../../provider";
import { createJob, manyJobs, seedList, useEmulator } from "../support/emulatorFixture";
import { settle } from "../support/outputHelpers";

/** Starts a new (mocked) program run: a new resource monitor, as each Automation API run gets. */
/** A fresh program run: setMocks resets the runtime state. */
const newRun = useEchoMocks;

const emulator = useEmulator();

describe("the lookup cache and program runs", () => {
  it("shares a pass within a run and starts afresh in the next run", async () => {
    const { addressListId } = seedList(emulator, manyJobs(10, "runs"));
    const lookup = async () =>
      (await settle(getAddressListImportJobsOutput({ addressListId, endpoint: emulator.url }))).value?.counts
        .total;
    await newRun();
    emulator.resetCalls();
    expect(await lookup()).toBe(10);
    expect(await lookup()).toBe(10);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(1);
    await createJob(emulator, addressListId, "runs-late-1");
    await createJob(emulator, addressListId, "runs-late-2");
    await newRun();
    expect(await lookup()).toBe(12);
    expect(emulator.calls("ListAddressListImportJobs")).toBe(2);
  });
});
