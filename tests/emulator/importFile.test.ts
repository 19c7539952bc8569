import { isValidAddress } from "../../emulator/address";
import { parseImportFile } from "../../emulator/importFile";

describe(isValidAddress.name, () => {
  it.each([
    "user@example.com",
    "first.last+tag@sub.example.co.uk",
    "*@example.com",
    "abc*@example.com",
    "user@*.example.com",
    "*.example.com",
    "*.a.b.c.d.e.f.g.example.com",
  ])("accepts %s", (address) => expect(isValidAddress(address)).toBe(true));

  it.each([
    "plain",
    "@example.com",
    "user@",
    "user@example",
    "two@@example.com",
    "a@b@example.com",
    "*@*.example.com",
    "ab*@example.com",
    "user@ex*ample.com",
    "*.com",
    "*.a.b.c.d.e.f.g.h.example.com",
    ".dot@example.com",
    "sp ace@example.com",
    "user@-bad.example.com",
  ])("rejects %s", (address) => expect(isValidAddress(address)).toBe(false));
});

describe(parseImportFile.name, () => {
  it("reads the address column of a CSV file with more columns, quotes and a BOM", () => {
    const csv = '\uFEFFname,Address\n"Doe, Jane",jane@example.com\nbob,"bob@example.com"\nno-address,\n';
    expect(parseImportFile("CSV", Buffer.from(csv))).toEqual({
      ok: true,
      addresses: ["jane@example.com", "bob@example.com"],
      malformedItems: 1,
    });
  });

  it("fails a CSV file without the address header", () => {
    expect(parseImportFile("CSV", Buffer.from("a@example.com\n"))).toMatchObject({ ok: false });
    expect(parseImportFile("CSV", Buffer.alloc(0))).toMatchObject({ ok: false });
  });

  it("reads JSON items and counts items without an address string", () => {
    const json = JSON.stringify({ items: [{ address: "a@example.com" }, { address: 5 }, null, "x"] });
    expect(parseImportFile("JSON", Buffer.from(json))).toEqual({
      ok: true,
      addresses: ["a@example.com"],
      malformedItems: 3,
    });
  });

  it("does not quote the file in the error of an unparseable JSON file", () => {
    const parsed = parseImportFile("JSON", Buffer.from("secret@example.com"));
    expect(parsed).toEqual({ ok: false, error: "The JSON file could not be parsed." });
  });
});
