import { LIST_OPERATION, seedList, seedWarmupList, startBenchEmulator } from "../benchEmulator";
import type { GateResult } from "../protocol";
import { runChild } from "../runChild";
import type { BenchSettings, GateCompletion } from "../settings";
import { duration, floorCalls } from "../stats";
import { seedJobs } from "../syntheticJobs";

/** What a poll of the gate may send: one Get per running job, or (listing) every page of the list. */
const GET_OPERATION = "GetAddressListImportJob";
const POLL_OPERATIONS = [GET_OPERATION, LIST_OPERATION];

export interface GateRun {
  /** Jobs in the list (a listing poll would read every page of it). */
  readonly listSize: number;
  /** When the job was completed. */
  readonly completion: GateCompletion;
  readonly minDelay: number;
  readonly maxDelay: number;
  /** Time from the job's completion to the gate's release, ms. */
  readonly releaseLagMs: number;
  /** Requests (GetAddressListImportJob, and any listing) while the job was still running, and after it completed. */
  readonly callsBeforeCompletion: number;
  readonly callsAfterCompletion: number;
  readonly polls: number;
  /** Requests per poll, over the whole wait: 1 with `jobIds` (one job); ceil(listSize / 50) when it listed. */
  readonly requestsPerPoll: number;
  /** Wall time of the last poll (every page of the list), ms. */
  readonly lastPollMs: number;
  readonly ok: boolean;
  readonly error?: string;
}

export interface GateResults {
  readonly available: boolean;
  readonly note?: string;
  readonly runs: GateRun[];
}

/** "+2.5 s" or "after poll 3". */
export const describeCompletion = (c: GateCompletion): string =>
  "atSeconds" in c ? `+${c.atSeconds} s` : `right after poll ${c.afterPoll}`;

/**
 * Scenario 4: a PROCESSING job that the parent completes while the gate (`waitForImportJobs` with
 * `jobIds`) waits for it, in a list of `listSize` jobs: how long from the completion until the gate lets
 * go, and how many list calls it spent. The completion comes at a fixed time, or right after a poll has
 * read the last page (the worst case: only the next poll can see it).
 */
export async function runGate(
  settings: BenchSettings,
  childScript: string,
  log: (line: string) => void,
): Promise<GateResults> {
  const { listSizes, completions, minDelay, maxDelay, maxWaitTime } = settings.gate;
  // Answers served to the gate, counted once each response has gone out (the emulator's own counter
  // counts requests as they arrive); `onAnswer` completes the job in the worst-case runs. A poll is the
  // answers for one job, or the pages of the whole list if the waiter lists.
  let onAnswer: ((operation: string) => void) | undefined;
  const emulator = await startBenchEmulator(settings.latencyMs, (line) => {
    const [operation, status] = line.split(" ");
    if (status === "200" && POLL_OPERATIONS.includes(operation)) onAnswer?.(operation);
  });
  const requests = () => POLL_OPERATIONS.reduce((n, operation) => n + emulator.calls(operation), 0);
  const runs: GateRun[] = [];
  try {
    const warmupListId = seedWarmupList(emulator);
    for (const listSize of listSizes) {
      for (const completion of completions) {
        const now = Date.now();
        const { addressListId, jobIds } = seedList(emulator, [
          ...seedJobs(listSize - 1, "done"),
          { name: "gated", status: "PROCESSING", createdTimestamp: now, startTimestamp: now },
        ]);
        const jobId = jobIds[jobIds.length - 1];
        const pagesPerList = floorCalls(listSize);
        let completedAtMs = NaN;
        let callsBeforeCompletion = NaN;
        const complete = () => {
          if (!Number.isNaN(completedAtMs)) return;
          completedAtMs = Date.now();
          callsBeforeCompletion = requests();
          emulator.updateJob(jobId, {
            status: "COMPLETED",
            completedTimestamp: completedAtMs,
            importedItemsCount: 100,
            failedItemsCount: 0,
          });
        };
        let timer: NodeJS.Timeout | undefined;
        try {
          const { result } = await runChild<GateResult>(
            childScript,
            {
              kind: "gate",
              endpoint: emulator.url,
              addressListId,
              jobId,
              warmupListId,
              minDelay,
              maxDelay,
              maxWaitTime,
            },
            () => emulator.resetCalls(),
            () => {
              if ("atSeconds" in completion) {
                timer = setTimeout(complete, completion.atSeconds * 1000);
              } else {
                let polls = 0;
                let pages = 0;
                onAnswer = (operation) => {
                  // One Get answers a poll for one job; a listing poll ends with the list's last page.
                  if (operation === GET_OPERATION) {
                    polls += 1;
                  } else if ((pages += 1) % pagesPerList === 0) {
                    polls += 1;
                  }
                  if (polls === completion.afterPoll) complete();
                };
              }
            },
          );
          const total = requests();
          const run: GateRun = {
            listSize,
            completion,
            minDelay,
            maxDelay,
            releaseLagMs: result.releasedAtMs - completedAtMs,
            callsBeforeCompletion,
            callsAfterCompletion: total - callsBeforeCompletion,
            polls: result.polls,
            requestsPerPoll: total / result.polls,
            lastPollMs: result.lastPollMs,
            ok: result.error === undefined && Number.isFinite(completedAtMs),
            ...(result.error ? { error: result.error } : {}),
          };
          runs.push(run);
          log(
            `  gate list=${listSize} completes ${describeCompletion(completion)}: released ` +
              `${duration(run.releaseLagMs)} later, ${run.polls} polls, ` +
              `${run.callsBeforeCompletion}+${run.callsAfterCompletion} requests ` +
              `(${run.requestsPerPoll.toFixed(2)} per poll)${run.error ? `  ERROR ${run.error}` : ""}`,
          );
        } finally {
          clearTimeout(timer);
          onAnswer = undefined;
        }
      }
    }
  } finally {
    await emulator.close();
  }
  return { available: true, runs };
}
