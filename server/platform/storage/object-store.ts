import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** One stored object as a sweep sees it. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/**
 * Where photo bytes live: a flat key space (`ab/<sha256>.jpg`, '/'-separated).
 * Two implementations: the local disk (DiskObjectStore) and any S3-compatible
 * object store (S3ObjectStore, ./s3.ts). Both pass tests/platform/storage/contract.ts.
 */
export interface ObjectStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes whole or not at all; writing a key again replaces it. */
  put(key: string, body: Buffer, contentType?: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** A stream of the bytes, or null when there is no such object (checked before the stream is handed out). */
  stream(key: string): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every object, for the orphan sweep. */
  list(): AsyncIterable<StoredObject>;
}

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

/** A key is plain '/'-separated names: it may not climb out of the store's root. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key)) {
    throw new Error(`Not a photo storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

/**
 * Objects as files under a directory. A write goes to a temporary file in the
 * same directory, is fsynced and renamed, so an object is whole or absent.
 */
export class DiskObjectStore implements ObjectStore {
  readonly kind = 'disk' as const;
  constructor(readonly root: string) {}

  pathOf(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      // The directory is made only when it is missing (once per prefix), not before every write.
      const handle = await fsp.open(temporary, 'w').catch(async (err: unknown) => {
        if (!isMissing(err)) throw err;
        await fsp.mkdir(path.dirname(target), { recursive: true });
        return fsp.open(temporary, 'w');
      });
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temporary, target);
    } catch (err) {
      await fsp.rm(temporary, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fsp.readFile(this.pathOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async stream(key: string): Promise<Readable | null> {
    let handle: fsp.FileHandle;
    try {
      // Opened before the stream exists: a missing file is a null here, never an 'error' event later.
      handle = await fsp.open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    return handle.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const walk = async function* (dir: string, prefix: string): AsyncIterable<StoredObject> {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const key = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) yield* walk(full, key);
        else if (entry.isFile()) {
          const stat = await fsp.stat(full).catch(() => null);
          if (stat) yield { key, modifiedAt: stat.mtime };
        }
      }
    };
    yield* walk(this.root, '');
  }
}
