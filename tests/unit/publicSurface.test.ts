// The root and the Pulumi-free entry share one list of errors and job types: each exports every
// runtime export of core/errors.ts and core/types.ts (a new error class cannot be forgotten in one).
import * as client from "../../provider/client";
import * as errors from "../../provider/core/errors";
import * as types from "../../provider/core/types";
import * as root from "../../provider/index";

describe("the public surface", () => {
  it.each(Object.keys({ ...errors, ...types }))("exports %s from the root and from ./client", (name) => {
    expect(Object.keys(root)).toContain(name);
    expect(Object.keys(client)).toContain(name);
  });
});

describe("the importer", () => {
  it.each(["importAddresses", "AddressImportError", "AddressImportAbortedError", "isAddressImportError"])(
    "exports %s from the root and from ./client",
    (name) => {
      expect(Object.keys(root)).toContain(name);
      expect(Object.keys(client)).toContain(name);
    },
  );
});
