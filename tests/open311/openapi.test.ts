import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/db.js';

const t = useTestServer();

describe('Open311 in the OpenAPI document', () => {
  it('documents every Open311 endpoint with its schemas', async () => {
    const doc = (await (await fetch(`${t.server.baseUrl}/api/v1/openapi.json`)).json()) as any;
    const open311 = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([p]) => p.startsWith('/open311/v2/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(open311).toEqual([
      'GET /open311/v2/discovery.{format}',
      'GET /open311/v2/requests.{format}',
      'GET /open311/v2/requests/{service_request_id}.{format}',
      'GET /open311/v2/servicerequestupdates.{format}',
      'GET /open311/v2/services.{format}',
      'GET /open311/v2/services/{service_code}.{format}',
      'GET /open311/v2/tokens/{token}.{format}',
      'POST /open311/v2/requests.{format}',
      'POST /open311/v2/servicerequestupdates.{format}',
    ]);
    const update = doc.paths['/open311/v2/servicerequestupdates.{format}'].post;
    expect(Object.keys(update.requestBody.content)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(update.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Open311UpdateAnswer');
    const post = doc.paths['/open311/v2/requests.{format}'].post;
    expect(post.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['xml', 'json']);
    expect(Object.keys(post.requestBody.content)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(Object.keys(post.responses['201'].content)).toEqual(['application/json', 'text/xml']);
    const multipart = post.requestBody.content['multipart/form-data'].schema;
    expect(Object.keys(multipart.properties)).toEqual(expect.arrayContaining(['api_key', 'service_code', 'lat', 'long', 'phone', 'media', 'media_url']));
    expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Open311PostAnswer');
    expect(post.responses['403'].content['application/json'].schema.$ref).toBe('#/components/schemas/Open311Errors');
    const params = doc.paths['/open311/v2/requests.{format}'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['jurisdiction_id', 'service_request_id', 'service_code', 'status', 'start_date', 'end_date']));
    for (const name of ['Open311Discovery', 'Open311Service', 'Open311ServiceDefinition', 'Open311ServiceRequest', 'Open311TokenAnswer', 'Open311RequestUpdate']) expect(doc.components.schemas[name]).toBeDefined();
  });
});
