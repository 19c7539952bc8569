// The ad hoc signer of the darwin plugin executables (scripts/build/machoAdhocSign.ts) on a small
// Mach-O made here: the signature it adds is the one macOS checks at exec (a CodeDirectory whose page
// hashes cover the file up to the signature, inside __LINKEDIT, at the end of the file), recomputed
// independently below.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adhocSign, verifyAdhocSignature } from "../../scripts/build/machoAdhocSign";

const ID = "pulumi-resource-mailmanager-import-jobs";

/** A thin arm64 executable: __TEXT (one section at 0x4000) and a __LINKEDIT of `linkeditSize` bytes. */
function machO(linkeditSize: number): Buffer {
  const file = Buffer.alloc(0x8000 + linkeditSize);
  for (let i = 0x4000; i < file.length; i++) file[i] = (i * 31) & 0xff;
  const textCmd = 72 + 80;
  file.writeUInt32LE(0xfeedfacf, 0);
  file.writeUInt32LE(0x0100000c, 4); // CPU_TYPE_ARM64
  file.writeUInt32LE(2, 12); // MH_EXECUTE
  file.writeUInt32LE(2, 16); // ncmds
  file.writeUInt32LE(textCmd + 72, 20); // sizeofcmds
  let at = 32;
  const segment = (name: string, vmaddr: number, fileoff: number, filesize: number, nsects: number) => {
    file.writeUInt32LE(0x19, at);
    file.writeUInt32LE(72 + 80 * nsects, at + 4);
    file.write(name, at + 8, "latin1");
    file.writeBigUInt64LE(BigInt(vmaddr), at + 24);
    file.writeBigUInt64LE(BigInt(Math.ceil(filesize / 0x4000) * 0x4000), at + 32);
    file.writeBigUInt64LE(BigInt(fileoff), at + 40);
    file.writeBigUInt64LE(BigInt(filesize), at + 48);
    file.writeUInt32LE(nsects, at + 64);
    at += 72;
  };
  segment("__TEXT", 0x100000000, 0, 0x8000, 1);
  file.write("__text", at, "latin1");
  file.write("__TEXT", at + 16, "latin1");
  file.writeBigUInt64LE(0x100004000n, at + 32);
  file.writeBigUInt64LE(0x100n, at + 40);
  file.writeUInt32LE(0x4000, at + 48);
  at += 80;
  segment("__LINKEDIT", 0x100008000, 0x8000, linkeditSize, 0);
  return file;
}

/** LC_CODE_SIGNATURE's dataoff and datasize, and __LINKEDIT's fileoff + filesize, read from the header. */
function layout(file: Buffer): { dataoff: number; datasize: number; linkeditEnd: number; ncmds: number } {
  const ncmds = file.readUInt32LE(16);
  let at = 32;
  let dataoff = -1;
  let datasize = -1;
  let linkeditEnd = -1;
  for (let i = 0; i < ncmds; i++) {
    const cmd = file.readUInt32LE(at);
    if (cmd === 0x1d) [dataoff, datasize] = [file.readUInt32LE(at + 8), file.readUInt32LE(at + 12)];
    if (cmd === 0x19 && file.toString("latin1", at + 8, at + 18) === "__LINKEDIT") {
      linkeditEnd = Number(file.readBigUInt64LE(at + 40) + file.readBigUInt64LE(at + 48));
    }
    at += file.readUInt32LE(at + 4);
  }
  return { dataoff, datasize, linkeditEnd, ncmds };
}

describe("adhocSign", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmij-macho-"));

  it("adds a signature whose page hashes cover the whole file before it, inside __LINKEDIT, at the end", () => {
    const path = join(dir, "unsigned");
    writeFileSync(path, machO(0x1235));
    adhocSign(path, ID);
    const file = readFileSync(path);
    const { dataoff, datasize, linkeditEnd, ncmds } = layout(file);
    expect(ncmds).toBe(3);
    expect(dataoff % 16).toBe(0);
    expect(dataoff).toBeGreaterThanOrEqual(0x8000 + 0x1235);
    expect(dataoff + datasize).toBe(file.length);
    expect(linkeditEnd).toBe(file.length);

    expect(file.readUInt32BE(dataoff)).toBe(0xfade0cc0); // embedded signature
    const cd = dataoff + file.readUInt32BE(dataoff + 16);
    expect(file.readUInt32BE(cd)).toBe(0xfade0c02); // CodeDirectory
    expect(file.readUInt32BE(cd + 12) & 0x2).toBe(0x2); // CS_ADHOC
    const hashOffset = file.readUInt32BE(cd + 16);
    const identOffset = file.readUInt32BE(cd + 20);
    expect(file.toString("latin1", cd + identOffset, cd + identOffset + ID.length + 1)).toBe(`${ID}\0`);
    const slots = file.readUInt32BE(cd + 28);
    expect(file.readUInt32BE(cd + 32)).toBe(dataoff); // codeLimit
    expect(slots).toBe(Math.ceil(dataoff / 4096));
    for (let slot = 0; slot < slots; slot++) {
      const page = file.subarray(slot * 4096, Math.min(slot * 4096 + 4096, dataoff));
      const stored = file.subarray(cd + hashOffset + slot * 32, cd + hashOffset + slot * 32 + 32);
      expect([slot, stored.toString("hex")]).toEqual([slot, createHash("sha256").update(page).digest("hex")]);
    }
    expect(verifyAdhocSignature(path)).toEqual([]);
  });

  it("replaces an existing signature: signing twice gives the same bytes", () => {
    const path = join(dir, "twice");
    writeFileSync(path, machO(0x2000));
    adhocSign(path, ID);
    const once = readFileSync(path);
    adhocSign(path, ID);
    expect(readFileSync(path).equals(once)).toBe(true);
  });

  it("finds a changed byte after signing", () => {
    const path = join(dir, "tampered");
    writeFileSync(path, machO(0x100));
    adhocSign(path, ID);
    const file = readFileSync(path);
    file[0x5000] ^= 0xff;
    writeFileSync(path, file);
    expect(verifyAdhocSignature(path)).toEqual(["page 5 (offset 20480) does not match its hash"]);
  });

  it("rejects a file that is not a thin 64-bit Mach-O, naming its magic", () => {
    const path = join(dir, "elf");
    writeFileSync(path, Buffer.from("\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", "latin1"));
    expect(() => adhocSign(path, ID)).toThrow("not a thin 64-bit little-endian Mach-O (magic 0x464c457f)");
  });
});
