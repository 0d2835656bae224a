import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DiskObjectStore } from '../../../server/platform/storage/object-store.js';
import { objectStoreContract } from './contract.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-disk-store-'));

objectStoreContract('disk', async () => ({ store: new DiskObjectStore(root), close: async () => fs.rmSync(root, { recursive: true, force: true }) }));

describe('disk store layout', () => {
  it('keeps the content-addressed layout under the directory and leaves no temporary file behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-disk-layout-'));
    const store = new DiskObjectStore(dir);
    const sha = crypto.randomBytes(32).toString('hex');
    await store.put(`${sha.slice(0, 2)}/${sha}.jpg`, Buffer.from('photo'));
    expect(fs.readFileSync(path.join(dir, sha.slice(0, 2), `${sha}.jpg`), 'utf8')).toBe('photo');
    expect(fs.readdirSync(path.join(dir, sha.slice(0, 2)))).toEqual([`${sha}.jpg`]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
