// Writes the console's API types (web/src/api/schema.d.ts) from the OpenAPI document, built in-process:
// npm run api:types. tests/web/api-types.test.ts fails when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
// Importing the app is what registers every route's path with the registry.
import '../app.js';
import { openApiDocument } from '../platform/http/openapi.js';

export const apiTypesPath = fileURLToPath(new URL('../../web/src/api/schema.d.ts', import.meta.url));

const header = `// Generated from the OpenAPI document by \`npm run api:types\` (server/cli/openapi-types.ts). Do not edit:
// change the zod schemas at the routes' registry.registerPath and regenerate.
`;

/**
 * zod-to-openapi writes a nullable union (OpenAPI 3.0) as `anyOf: [A, B, { nullable: true }]`, which
 * openapi-typescript reads as `A | B | unknown`; the same union with `nullable: true` on it reads as
 * `A | B | null`, which is what the document means.
 */
function nullableUnionsOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableUnionsOf);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableUnionsOf(value);
  for (const key of ['anyOf', 'oneOf']) {
    const members = out[key];
    if (!Array.isArray(members)) continue;
    const isBareNull = (m: unknown) => typeof m === 'object' && m !== null && Object.keys(m).length === 1 && (m as { nullable?: unknown }).nullable === true;
    if (!members.some(isBareNull)) continue;
    out[key] = members.filter((m) => !isBareNull(m));
    out.nullable = true;
  }
  return out;
}

/** The TypeScript source of web/src/api/schema.d.ts for the document the routes describe today. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(nullableUnionsOf(openApiDocument()) as OpenAPI3);
  return header + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  fs.mkdirSync(path.dirname(apiTypesPath), { recursive: true });
  fs.writeFileSync(apiTypesPath, await renderApiTypes());
  console.log(`Wrote ${path.relative(process.cwd(), apiTypesPath)}`);
}
