import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../server/platform/storage/s3.js';
import { photoStoreFor } from '../../../server/platform/storage/photos.js';
import { loadConfig } from '../../../server/platform/config.js';
import { objectStoreContract } from './contract.js';
import { startS3 } from './s3-server.js';

objectStoreContract('s3 (s3rver on loopback)', async () => {
  const s3 = await startS3();
  const store = new S3ObjectStore({ endpoint: s3.endpoint, bucket: 'photos', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  return { store, close: s3.close };
});

describe('PHOTO_STORE=s3 from the settings', () => {
  it('builds the S3 store from S3_* and refuses s3 without a bucket', () => {
    const config = loadConfig({ PHOTO_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'tirta-photos', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    expect(config.photoStore).toEqual({ kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'tirta-photos', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
    const store = photoStoreFor(config);
    expect(store.backend.kind).toBe('s3');
    expect(photoStoreFor(loadConfig({})).backend.kind).toBe('disk');
    expect(() => loadConfig({ PHOTO_STORE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ PHOTO_STORE: 'ftp' })).toThrow(/PHOTO_STORE/);
  });
});
