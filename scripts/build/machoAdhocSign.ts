// Ad hoc code signature for a thin 64-bit Mach-O executable, written on any OS: macOS on Apple
// silicon kills an executable whose pages are not covered by a valid signature, and injecting the
// plugin into `node` (postject) drops the one the binary had.
//
// The signature is the one Apple's and Go's linkers write for every executable they link ("linker
// signed", ad hoc): an embedded-signature SuperBlob holding one CodeDirectory (version 0x20400,
// flags adhoc | linker-signed, SHA-256 of every 4 KiB page of the file before the signature, the
// __TEXT segment as the executable segment of a main binary). No identity, no entitlements, no
// hardened runtime: what `codesign --sign -` gives. Layout: Apple's xnu osfmk/kern/cs_blobs.h; all
// signature fields are big-endian, the Mach-O header little-endian.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CS_ADHOC = 0x2;
const CS_LINKER_SIGNED = 0x20000;
const CS_HASHTYPE_SHA256 = 2;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const PAGE_SIZE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_SIZE_BITS;
/** CodeDirectory version 0x20400 (with the executable segment fields): 88 bytes before its data. */
const CODE_DIRECTORY_HEADER = 88;
/** SuperBlob header (magic, length, count) and its one index entry (type, offset). */
const SUPER_BLOB_HEADER = 12 + 8;
/** VM page size of the segments (arm64; a multiple of x86_64's 4 KiB). */
const SEGMENT_ALIGN = 0x4000;

interface Segment {
  /** Offset of its load command in the file. */
  command: number;
  name: string;
  fileoff: number;
  filesize: number;
}

/** The load commands of a thin 64-bit little-endian Mach-O, or an error naming what it is instead. */
function loadCommands(file: Buffer): {
  end: number;
  firstSectionOffset: number;
  segments: Segment[];
  signature?: { command: number; dataoff: number; datasize: number };
} {
  const magic = file.readUInt32LE(0);
  if (magic !== MH_MAGIC_64) {
    throw new Error(`not a thin 64-bit little-endian Mach-O (magic 0x${magic.toString(16)})`);
  }
  const ncmds = file.readUInt32LE(16);
  const segments: Segment[] = [];
  let signature: { command: number; dataoff: number; datasize: number } | undefined;
  let firstSectionOffset = file.length;
  let offset = 32;
  for (let i = 0; i < ncmds; i++) {
    const cmd = file.readUInt32LE(offset);
    const size = file.readUInt32LE(offset + 4);
    if (cmd === LC_SEGMENT_64) {
      const name = file.toString("latin1", offset + 8, offset + 24).replace(/\0.*$/, "");
      segments.push({
        command: offset,
        name,
        fileoff: Number(file.readBigUInt64LE(offset + 40)),
        filesize: Number(file.readBigUInt64LE(offset + 48)),
      });
      const nsects = file.readUInt32LE(offset + 64);
      for (let s = 0; s < nsects; s++) {
        const sectionOffset = file.readUInt32LE(offset + 72 + 80 * s + 48);
        if (sectionOffset > 0) firstSectionOffset = Math.min(firstSectionOffset, sectionOffset);
      }
    } else if (cmd === LC_CODE_SIGNATURE) {
      signature = {
        command: offset,
        dataoff: file.readUInt32LE(offset + 8),
        datasize: file.readUInt32LE(offset + 12),
      };
    }
    offset += size;
  }
  return { end: offset, firstSectionOffset, segments, signature };
}

/** The signature of `code` (the file up to the signature), for an executable whose __TEXT is `text`. */
function signatureOf(code: Buffer, identifier: string, text: Segment): Buffer {
  const slots = Math.ceil(code.length / PAGE_SIZE);
  const identOffset = CODE_DIRECTORY_HEADER;
  const hashOffset = identOffset + Buffer.byteLength(identifier) + 1;
  const directoryLength = hashOffset + slots * 32;
  const out = Buffer.alloc(SUPER_BLOB_HEADER + directoryLength);
  out.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  out.writeUInt32BE(out.length, 4);
  out.writeUInt32BE(1, 8);
  out.writeUInt32BE(0, 12); // CSSLOT_CODEDIRECTORY
  out.writeUInt32BE(SUPER_BLOB_HEADER, 16);
  const cd = SUPER_BLOB_HEADER;
  out.writeUInt32BE(CSMAGIC_CODEDIRECTORY, cd);
  out.writeUInt32BE(directoryLength, cd + 4);
  out.writeUInt32BE(0x20400, cd + 8);
  out.writeUInt32BE(CS_ADHOC | CS_LINKER_SIGNED, cd + 12);
  out.writeUInt32BE(hashOffset, cd + 16);
  out.writeUInt32BE(identOffset, cd + 20);
  out.writeUInt32BE(0, cd + 24); // no special slots: no requirements, no entitlements
  out.writeUInt32BE(slots, cd + 28);
  out.writeUInt32BE(code.length, cd + 32); // codeLimit
  out.writeUInt8(32, cd + 36); // hashSize
  out.writeUInt8(CS_HASHTYPE_SHA256, cd + 37);
  out.writeUInt8(PAGE_SIZE_BITS, cd + 39);
  // spare2, scatterOffset, teamOffset, spare3, codeLimit64 stay 0.
  out.writeBigUInt64BE(BigInt(text.fileoff), cd + 64); // execSegBase
  out.writeBigUInt64BE(BigInt(text.filesize), cd + 72); // execSegLimit
  out.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), cd + 80);
  out.write(`${identifier}\0`, cd + identOffset, "latin1");
  for (let slot = 0; slot < slots; slot++) {
    const page = code.subarray(slot * PAGE_SIZE, Math.min((slot + 1) * PAGE_SIZE, code.length));
    createHash("sha256")
      .update(page)
      .digest()
      .copy(out, cd + hashOffset + slot * 32);
  }
  return out;
}

/**
 * Signs the executable at `path` ad hoc, in place, replacing any signature it has (adding the
 * LC_CODE_SIGNATURE load command when it has none). The signature goes at the end of the file, at the
 * end of __LINKEDIT, which must be the file's last segment.
 *
 * @example
 * adhocSign("dist/release/darwin-arm64/pulumi-resource-mailmanager-import-jobs", "pulumi-resource-mailmanager-import-jobs");
 */
export function adhocSign(path: string, identifier: string): void {
  let file = readFileSync(path);
  const commands = loadCommands(file);
  const linkedit = commands.segments.find((segment) => segment.name === "__LINKEDIT");
  const text = commands.segments.find((segment) => segment.name === "__TEXT");
  if (!linkedit || !text) throw new Error(`${path}: no __LINKEDIT or no __TEXT segment`);
  const lastEnd = Math.max(...commands.segments.map((segment) => segment.fileoff + segment.filesize));
  if (linkedit.fileoff + linkedit.filesize !== lastEnd) {
    throw new Error(`${path}: __LINKEDIT is not the last segment; the signature must go at its end`);
  }

  let command = commands.signature?.command;
  if (command === undefined) {
    if (commands.firstSectionOffset - commands.end < 16) {
      throw new Error(`${path}: no room after the load commands for LC_CODE_SIGNATURE`);
    }
    command = commands.end;
    file.writeUInt32LE(LC_CODE_SIGNATURE, command);
    file.writeUInt32LE(16, command + 4);
    file.writeUInt32LE(file.readUInt32LE(16) + 1, 16); // ncmds
    file.writeUInt32LE(file.readUInt32LE(20) + 16, 20); // sizeofcmds
  }
  // The code ends where the old signature began, else at the end of __LINKEDIT; 16-byte aligned, as
  // the linkers place it.
  const codeEnd = commands.signature?.dataoff ?? linkedit.fileoff + linkedit.filesize;
  const dataoff = Math.ceil(codeEnd / 16) * 16;
  const size =
    SUPER_BLOB_HEADER +
    CODE_DIRECTORY_HEADER +
    Buffer.byteLength(identifier) +
    1 +
    Math.ceil(dataoff / PAGE_SIZE) * 32;
  file = Buffer.concat([file.subarray(0, codeEnd), Buffer.alloc(dataoff - codeEnd)]);

  // The header as it will be signed: the signature's place and __LINKEDIT grown to hold it.
  file.writeUInt32LE(dataoff, command + 8);
  file.writeUInt32LE(size, command + 12);
  const linkeditSize = dataoff + size - linkedit.fileoff;
  file.writeBigUInt64LE(BigInt(linkeditSize), linkedit.command + 48); // filesize
  file.writeBigUInt64LE(
    BigInt(Math.ceil(linkeditSize / SEGMENT_ALIGN) * SEGMENT_ALIGN),
    linkedit.command + 32,
  ); // vmsize

  const signature = signatureOf(file, identifier, text);
  if (signature.length !== size) throw new Error(`signature is ${signature.length} bytes, expected ${size}`);
  writeFileSync(path, Buffer.concat([file, signature]));
}

/**
 * The problems of the ad hoc signature of the Mach-O at `path` (none: an empty list): the signature
 * must be the file's tail, and every page hash must match. Checks what the kernel checks at exec.
 */
export function verifyAdhocSignature(path: string): string[] {
  const file = readFileSync(path);
  const { signature, segments } = loadCommands(file);
  if (!signature) return ["no LC_CODE_SIGNATURE"];
  const problems: string[] = [];
  const { dataoff, datasize } = signature;
  if (dataoff + datasize !== file.length) problems.push("the signature is not at the end of the file");
  const linkedit = segments.find((segment) => segment.name === "__LINKEDIT");
  if (!linkedit || linkedit.fileoff + linkedit.filesize < dataoff + datasize) {
    problems.push("__LINKEDIT does not cover the signature");
  }
  if (file.readUInt32BE(dataoff) !== CSMAGIC_EMBEDDED_SIGNATURE)
    return [...problems, "no embedded signature"];
  const cd = dataoff + file.readUInt32BE(dataoff + 16);
  if (file.readUInt32BE(cd) !== CSMAGIC_CODEDIRECTORY) return [...problems, "no CodeDirectory"];
  const hashOffset = file.readUInt32BE(cd + 16);
  const slots = file.readUInt32BE(cd + 28);
  const codeLimit = file.readUInt32BE(cd + 32);
  if (codeLimit !== dataoff) problems.push(`codeLimit ${codeLimit} is not the signature's offset ${dataoff}`);
  if (slots !== Math.ceil(codeLimit / PAGE_SIZE)) problems.push(`${slots} hash slots for ${codeLimit} bytes`);
  for (let slot = 0; slot < slots; slot++) {
    const page = file.subarray(slot * PAGE_SIZE, Math.min((slot + 1) * PAGE_SIZE, codeLimit));
    const expected = createHash("sha256").update(page).digest();
    const stored = file.subarray(cd + hashOffset + slot * 32, cd + hashOffset + (slot + 1) * 32);
    if (!expected.equals(stored)) {
      problems.push(`page ${slot} (offset ${slot * PAGE_SIZE}) does not match its hash`);
      break;
    }
  }
  return problems;
}
