import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesPath, renderApiTypes } from '../../server/cli/openapi-types.js';

describe("the console's API types", () => {
  it('are generated from the OpenAPI document the routes describe today', async () => {
    const committed = fs.existsSync(apiTypesPath) ? fs.readFileSync(apiTypesPath, 'utf8') : '';
    const fresh = await renderApiTypes();
    // toBe on two 4000-line strings prints a diff nobody reads: say what to do instead.
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run api:types` and commit it').toBe(true);
  });

  it('describe the answers the console reads (a response without a schema would type as undefined)', async () => {
    const types = await renderApiTypes();
    for (const name of ['ClientConfig', 'Crew', 'CrewRoute', 'TicketPage', 'Ticket', 'Plan', 'DispatchSuggestions', 'Incident', 'PendingReport', 'HeatmapReport', 'PointsReport', 'LoginResponse', 'ReportReceipt', 'PublicStatus', 'Inbox']) {
      expect(types, name).toContain(`\n        ${name}: `);
    }
  });
});
