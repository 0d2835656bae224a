/** npm run roads:import: the command's report, its exit codes, and a refused file that writes nothing. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireDatabaseUrl } from '../../support/db.js';
import { useRoadsScratch } from './support.js';
import { roadNetworkOf } from '../../../server/features/roads/service.js';

const ROOT = path.join(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'server/cli/roads-import.ts');

function importCommand(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: requireDatabaseUrl(), LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const scratch = useRoadsScratch('roads-cli-');

describe('npm run roads:import', () => {
  it('imports an extract and prints what it read, kept and dropped, and the time', async () => {
    const r = await importCommand(['tests/features/roads/fixtures/small-town.osm', '--utility', scratch.env.utility.code]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Road network of ${scratch.env.utility.code} from small-town.osm (osm-xml)`);
    expect(r.stdout).toMatch(/read\s+16 nodes, 11 ways \(9 drivable roads\)/);
    expect(r.stdout).toMatch(/kept\s+12 vertices, 15 edges, 1\.\d km/);
    expect(r.stdout).toMatch(/dropped\s+1 edges, 0\.1 km in 1 other parts/);
    expect(r.stdout).toMatch(/took\s+\d+\.\d\d s/);
    expect(r.stdout).toContain('© OpenStreetMap contributors');
    expect((await roadNetworkOf(scratch.env.ctx, scratch.env.utility.id))?.edges).toBe(15);
  });

  it('a bad file: exit 1, the reason on stderr, the network kept', async () => {
    const before = await roadNetworkOf(scratch.env.ctx, scratch.env.utility.id);
    const bad = path.join(scratch.tmp, 'bad.osm');
    fs.writeFileSync(bad, '<osm version="0.6"><way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way></osm>');
    const r = await importCommand([bad, '--utility', scratch.env.utility.code]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.osm: way 9 names node 1, which is not in the file');
    expect(r.stderr).toContain('Nothing was written');
    expect(await roadNetworkOf(scratch.env.ctx, scratch.env.utility.id)).toEqual(before);
  });

  it('an unknown utility: exit 1; no file or no --utility: the usage, exit 2', async () => {
    const unknown = await importCommand(['tests/features/roads/fixtures/small-town.osm', '--utility', 'no-such-utility']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No utility with code no-such-utility');
    const usage = await importCommand(['--utility', scratch.env.utility.code]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run roads:import');
  });
});
