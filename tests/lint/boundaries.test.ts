/**
 * The lint holds the layout: each boundary of eslint.config.js, tried by a
 * snippet placed at a path where it is forbidden, must be reported by the rule
 * meant for it (and a clean snippet must pass).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids reported for `code` linted as if it lived at `file` (relative to the repository). */
async function rulesReported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? `parse: ${m.message}`);
}

describe('eslint boundaries', () => {
  it('passes a service that uses its own repository and core', async () => {
    const code = [
      "import type { Db } from '../../platform/db/knex.js';",
      "import { findTicket } from './repository.js';",
      "import { isOpen } from '../../core/domain/tickets.js';",
      'export async function openTicket(db: Db, id: number, now: Date) {',
      '  const ticket = await findTicket(db, id);',
      '  return ticket && isOpen(ticket) ? { ...ticket, seenAt: now } : null;',
      '}',
    ].join('\n');
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', code)).toEqual([]);
  });

  it('refuses knex in a service', async () => {
    const code = "import knex from 'knex';\nexport const q = knex;\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', code)).toContain('no-restricted-imports');
  });

  it('allows knex in a repository and in platform/db', async () => {
    const code = "import type { Knex } from 'knex';\nexport type Q = Knex;\n";
    expect(await rulesReported('server/features/tickets/lint-probe.repository.ts', code)).toEqual([]);
    expect(await rulesReported('server/platform/db/lint-probe.ts', code)).toEqual([]);
  });

  it('refuses SQL built in a service: db(table), ctx.db(table), .raw()', async () => {
    const code = [
      "import type { Db } from '../../platform/db/knex.js';",
      'export async function count(db: Db, ctx: { db: Db }) {',
      "  await db('tickets').count();",
      "  await ctx.db('tickets').count();",
      "  return db.raw('SELECT 1');",
      '}',
    ].join('\n');
    const reported = await rulesReported('server/features/tickets/lint-probe.service.ts', code);
    expect(reported.filter((r) => r === 'no-restricted-syntax')).toHaveLength(3);
  });

  it('refuses express outside routes files, the auth middleware, app.ts and platform/http', async () => {
    const code = "import { Router } from 'express';\nexport const r = Router();\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', code)).toContain('no-restricted-imports');
    expect(await rulesReported('server/features/tickets/lint-probe.repository.ts', code)).toContain('no-restricted-imports');
    expect(await rulesReported('server/features/tickets/lint-probe.routes.ts', code)).toEqual([]);
    expect(await rulesReported('server/platform/http/lint-probe.ts', code)).toEqual([]);
  });

  it('refuses express, knex and fs in core', async () => {
    for (const module of ['express', 'knex', 'node:fs', 'fs/promises']) {
      const code = `import * as m from '${module}';\nexport const used = m;\n`;
      expect(await rulesReported('server/core/domain/lint-probe.ts', code), module).toContain('boundaries/dependencies');
    }
  });

  it('refuses a core file importing from outside core', async () => {
    const code = "import { findTicket } from '../../features/tickets/repository.js';\nexport const f = findTicket;\n";
    expect(await rulesReported('server/core/domain/lint-probe.ts', code)).toContain('boundaries/dependencies');
    const inside = "import { isOpen } from './tickets.js';\nexport const f = isOpen;\n";
    expect(await rulesReported('server/core/domain/lint-probe.ts', inside)).toEqual([]);
  });

  it('refuses clock reads in core: Date.now(), new Date(), performance.now()', async () => {
    const code = 'export const a = Date.now();\nexport const b = new Date();\nexport const c = performance.now();\nexport const d = new Date(0);\n';
    const reported = await rulesReported('server/core/planning/lint-probe.ts', code);
    expect(reported).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax']);
  });

  it("refuses a feature importing another feature's repository, not its own", async () => {
    const code = "import { findTicket } from '../tickets/repository.js';\nexport const f = findTicket;\n";
    expect(await rulesReported('server/features/plans/lint-probe.service.ts', code)).toContain('boundaries/dependencies');
    const named = "import { findCrew } from '../utilities/crews.repository.js';\nexport const f = findCrew;\n";
    expect(await rulesReported('server/features/plans/lint-probe.service.ts', named)).toContain('boundaries/dependencies');
    const own = "import { findTicket } from './repository.js';\nexport const f = findTicket;\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', own)).toEqual([]);
    const service = "import { ticketById } from '../tickets/service.js';\nexport const f = ticketById;\n";
    expect(await rulesReported('server/features/plans/lint-probe.service.ts', service)).toEqual([]);
  });

  it('refuses platform importing a feature or the composition', async () => {
    const feature = "import { ticketById } from '../features/tickets/service.js';\nexport const f = ticketById;\n";
    expect(await rulesReported('server/platform/lint-probe.ts', feature)).toContain('boundaries/dependencies');
    const app = "import { createApp } from '../../app.js';\nexport const f = createApp;\n";
    expect(await rulesReported('server/platform/http/lint-probe.ts', app)).toContain('boundaries/dependencies');
  });

  it('refuses console in server code, except server/cli', async () => {
    const code = "console.log('hello');\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', code)).toContain('no-console');
    expect(await rulesReported('server/cli/lint-probe.ts', code)).toEqual([]);
  });

  it('refuses process.env outside platform/config.ts', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', code)).toContain('no-restricted-properties');
    expect(await rulesReported('server/platform/config.ts', code)).toEqual([]);
  });

  it('refuses an eslint-disable without a reason, accepts one with a reason', async () => {
    const bare = "// eslint-disable-next-line no-console\nconsole.log('x');\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', bare)).toEqual(['tirta/eslint-disable-needs-reason']);
    const reasoned = "// eslint-disable-next-line no-console -- a probe for the lint test\nconsole.log('x');\n";
    expect(await rulesReported('server/features/tickets/lint-probe.service.ts', reasoned)).toEqual([]);
  });

  it('refuses an eslint-disable that disables nothing', async () => {
    const unused = '// eslint-disable-next-line no-console -- nothing to disable here\nexport const x = 1;\n';
    const [result] = await eslint.lintText(unused, { filePath: path.join(root, 'server/features/tickets/lint-probe.service.ts') });
    expect(result.messages.map((m) => m.message).join('\n')).toMatch(/Unused eslint-disable directive/);
  });
});
