// Prints the OpenAPI document as JSON (npx tsx server/cli/openapi.ts > openapi.json), built in-process:
// no database, no server. Importing the app is what registers every route's path with the registry.
import '../app.js';
import { openApiDocument } from '../platform/http/openapi.js';

console.log(JSON.stringify(openApiDocument(), null, 2));
