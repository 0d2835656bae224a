/**
 * What every photo object store must do (tests/platform/storage/disk.test.ts
 * and s3.test.ts run it on the local disk and on an S3 server on loopback).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../../server/platform/storage/object-store.js';

const text = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
};

export function objectStoreContract(name: string, open: () => Promise<{ store: ObjectStore; close(): Promise<void> }>): void {
  describe(`${name}: the photo object store contract`, () => {
    let store: ObjectStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => close?.());

    const key = () => `${crypto.randomBytes(1).toString('hex')}/${crypto.randomBytes(32).toString('hex')}.jpg`;

    it('gives back what was put, as a buffer and as a stream, and says it exists', async () => {
      const k = key();
      const body = crypto.randomBytes(70_000);
      expect(await store.exists(k)).toBe(false);
      await store.put(k, body, 'image/jpeg');
      expect(await store.exists(k)).toBe(true);
      expect((await store.get(k))!.equals(body)).toBe(true);
      const stream = await store.stream(k);
      const chunks: Buffer[] = [];
      for await (const c of stream!) chunks.push(Buffer.from(c as Uint8Array));
      expect(Buffer.concat(chunks).equals(body)).toBe(true);
    });

    it('answers null for a missing object (get and stream) instead of failing', async () => {
      const k = key();
      expect(await store.get(k)).toBeNull();
      expect(await store.stream(k)).toBeNull();
      expect(await store.exists(k)).toBe(false);
    });

    it('replaces an object put again, and deletes (twice is no error)', async () => {
      const k = key();
      await store.put(k, Buffer.from('first'));
      await store.put(k, Buffer.from('second'));
      expect(await text((await store.stream(k))!)).toBe('second');
      await store.delete(k);
      await store.delete(k);
      expect(await store.exists(k)).toBe(false);
      expect(await store.get(k)).toBeNull();
    });

    it('lists every object with its key and time of writing', async () => {
      const keys = [key(), key(), `${key()}.w320.jpg`];
      const before = Date.now() - 2000; // S3 servers keep whole seconds
      for (const k of keys) await store.put(k, Buffer.from(k));
      const listed = new Map<string, Date>();
      for await (const o of store.list()) listed.set(o.key, o.modifiedAt);
      for (const k of keys) {
        expect(listed.has(k)).toBe(true);
        expect(listed.get(k)!.getTime()).toBeGreaterThanOrEqual(before);
      }
    });

    it('refuses a key that would climb out of the store', async () => {
      await expect(store.put('../escape.jpg', Buffer.from('x'))).rejects.toThrow(/Not a photo storage key/);
      await expect(store.get('ab/../../etc/passwd')).rejects.toThrow(/Not a photo storage key/);
    });
  });
}
