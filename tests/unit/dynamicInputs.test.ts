import { diffByInputs, knownInputs, plainJson, UNKNOWN } from "../../provider/pulumi/dynamicInputs";

const KEYS = ["addressListId", "region", "statuses"];
const REPLACE = ["addressListId", "region"];

describe(diffByInputs.name, () => {
  const olds = { addressListId: "al-1", region: "us-east-1", statuses: ["COMPLETED"], fingerprint: "f" };

  it("leaves the decision to the service when the inputs are the same", () => {
    expect(
      diffByInputs(
        olds,
        { addressListId: "al-1", region: "us-east-1", statuses: ["COMPLETED"] },
        KEYS,
        REPLACE,
      ),
    ).toBeUndefined();
  });

  it("reports a change for a changed setting and a replacement for another list or region", () => {
    expect(diffByInputs(olds, { ...olds, statuses: ["FAILED"] }, KEYS, REPLACE)).toEqual({ changes: true });
    expect(diffByInputs(olds, { ...olds, addressListId: "al-2" }, KEYS, REPLACE)).toEqual({
      changes: true,
      replaces: ["addressListId"],
    });
  });

  it("reports a change while an input is unknown (preview of another resource's output)", () => {
    expect(diffByInputs(olds, { ...olds, addressListId: UNKNOWN }, KEYS, REPLACE)).toEqual({ changes: true });
    expect(diffByInputs(olds, { ...olds, statuses: ["COMPLETED", UNKNOWN] }, KEYS, REPLACE)).toEqual({
      changes: true,
    });
  });

  it("ignores outputs that are not inputs, and a region left to the defaults", () => {
    expect(
      diffByInputs(olds, { addressListId: "al-1", statuses: ["COMPLETED"] }, KEYS, REPLACE),
    ).toBeUndefined();
  });
});

describe(knownInputs.name, () => {
  it("separates unknown inputs and drops __provider and undefined values", () => {
    expect(knownInputs({ __provider: "code", a: 1, b: UNKNOWN, c: { d: [UNKNOWN] }, e: undefined })).toEqual({
      known: { a: 1 },
      unknownKeys: ["b", "c"],
    });
  });
});

describe(plainJson.name, () => {
  it("removes undefined at every depth (Struct conversion rejects it) and copies the rest", () => {
    const input = { a: undefined, b: [1, undefined, { c: undefined, d: "x" }], e: { f: undefined } };
    expect(plainJson(input)).toEqual({ b: [1, { d: "x" }], e: {} });
    expect(JSON.stringify(plainJson(input))).toBe('{"b":[1,{"d":"x"}],"e":{}}');
  });
});
