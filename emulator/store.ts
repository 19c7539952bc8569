import { createHash } from "node:crypto";
import type { Clock } from "./clock";
import { sortForListing, type Orderable } from "./order";
import type { ImportDataType, ImportJobStatus, ListOrder } from "./types";

/** Documented quotas (SES Developer Guide, "Address Lists"). */
export const MAX_ADDRESS_LISTS = 100;
export const MAX_MEMBERS_PER_LIST = 100_000;
/** Fictitious account in ARNs, as other local AWS emulators use. */
export const ACCOUNT_ID = "000000000000";

export const listArn = (region: string, addressListId: string) =>
  `arn:aws:ses:${region}:${ACCOUNT_ID}:mailmanager-address-list/${addressListId}`;

export interface MemberRecord extends Orderable {
  readonly address: string;
  readonly createdMs: number;
}

export interface AddressListRecord extends Orderable {
  readonly addressListId: string;
  readonly name: string;
  readonly arn: string;
  readonly createdMs: number;
  updatedMs: number;
  readonly tags: ReadonlyArray<{ Key: string; Value: string }>;
  /** Keyed by the lower-cased address: addresses are compared without case. */
  readonly members: Map<string, MemberRecord>;
}

export interface JobRecord extends Orderable {
  readonly jobId: string;
  name: string;
  readonly addressListId: string;
  status: ImportJobStatus;
  importDataType: ImportDataType;
  createdMs: number;
  startMs?: number;
  completedMs?: number;
  importedItemsCount?: number;
  failedItemsCount?: number;
  error?: string;
  /** The last file PUT to the pre-signed URL. */
  file?: Buffer;
  /** Handle of the clock timer that ends processing. */
  timer?: unknown;
}

/** The emulator's state: plain maps, no I/O. Lifecycle rules live in lifecycle.ts. */
export class Store {
  readonly lists = new Map<string, AddressListRecord>();
  readonly jobs = new Map<string, JobRecord>();
  /** Idempotent replays: `<operation>:<ClientToken>` -> the request's other members and the result. */
  readonly clientTokens = new Map<string, { request: string; result: string }>();
  private seq = 0;
  private idCounter = 0;
  /**
   * Each list's jobs in listing order, per order, kept until a job is added or the list deleted: a
   * client paging through 100 000 jobs must not make every page re-sort them all (the orders depend
   * only on a job's immutable `seq`/`orderKey`; the arrays hold the live records, so status changes show).
   */
  private readonly listings = new Map<string, Map<ListOrder, JobRecord[]>>();

  constructor(
    readonly clock: Clock,
    readonly region: string,
    readonly orderSeed: number,
    readonly processingMs: number,
  ) {}

  /** Ids are derived from the seed and a counter, so a replayed scenario gets the same ids (and order). */
  newId(prefix: "al" | "job"): string {
    for (;;) {
      const id = `${prefix}-${this.hash(`${prefix}:${++this.idCounter}`).slice(0, 20)}`;
      if (!this.lists.has(id) && !this.jobs.has(id)) return id;
    }
  }

  private hash(value: string): string {
    return createHash("sha256").update(`${this.orderSeed}:${value}`).digest("hex");
  }

  private orderable(id: string): Orderable {
    return { seq: ++this.seq, orderKey: this.hash(id) };
  }

  addList(
    name: string,
    tags: AddressListRecord["tags"] = [],
    addressListId = this.newId("al"),
  ): AddressListRecord {
    const now = this.clock.now();
    const list: AddressListRecord = {
      ...this.orderable(addressListId),
      addressListId,
      name,
      arn: listArn(this.region, addressListId),
      createdMs: now,
      updatedMs: now,
      tags,
      members: new Map(),
    };
    this.lists.set(addressListId, list);
    return list;
  }

  findListByName(name: string): AddressListRecord | undefined {
    return [...this.lists.values()].find((l) => l.name === name);
  }

  /** Deletes the list and its jobs (their timers too). */
  deleteList(addressListId: string): void {
    for (const job of this.jobsOf(addressListId)) {
      if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
      this.jobs.delete(job.jobId);
    }
    this.lists.delete(addressListId);
    this.listings.delete(addressListId);
  }

  /** Deletes one job (and its timer), as if it had vanished from the service; for tests. */
  deleteJob(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
    this.jobs.delete(jobId);
    this.listings.delete(job.addressListId);
  }

  addJob(
    addressListId: string,
    name: string,
    importDataType: ImportDataType,
    jobId = this.newId("job"),
  ): JobRecord {
    const job: JobRecord = {
      ...this.orderable(jobId),
      jobId,
      name,
      addressListId,
      status: "CREATED",
      importDataType,
      createdMs: this.clock.now(),
    };
    this.jobs.set(jobId, job);
    this.listings.delete(addressListId);
    return job;
  }

  jobsOf(addressListId: string): JobRecord[] {
    return [...this.jobs.values()].filter((j) => j.addressListId === addressListId);
  }

  /** The list's jobs in `order`, as ListAddressListImportJobs pages through them (cached; do not mutate). */
  jobsInListingOrder(addressListId: string, order: ListOrder): readonly JobRecord[] {
    let byOrder = this.listings.get(addressListId);
    if (byOrder === undefined) {
      byOrder = new Map();
      this.listings.set(addressListId, byOrder);
    }
    let jobs = byOrder.get(order);
    if (jobs === undefined) {
      jobs = sortForListing(this.jobsOf(addressListId), order);
      byOrder.set(order, jobs);
    }
    return jobs;
  }

  /** Registers an address (idempotent); false when the list is full. */
  addMember(list: AddressListRecord, address: string): boolean {
    const key = address.toLowerCase();
    if (list.members.has(key)) return true;
    if (list.members.size >= MAX_MEMBERS_PER_LIST) return false;
    const now = this.clock.now();
    list.members.set(key, { ...this.orderable(key), address, createdMs: now });
    list.updatedMs = now;
    return true;
  }

  removeMember(list: AddressListRecord, address: string): boolean {
    const removed = list.members.delete(address.toLowerCase());
    if (removed) list.updatedMs = this.clock.now();
    return removed;
  }

  /** Cancels every pending timer (on close). */
  clearTimers(): void {
    for (const job of this.jobs.values()) {
      if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
      job.timer = undefined;
    }
  }
}
