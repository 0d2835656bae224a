import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, settingNames } from '../../server/platform/config.js';

/** `Key=value` lines of one section of a systemd unit. */
function section(unit: string, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = '';
  for (const raw of unit.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) current = header[1];
    else if (current === name) {
      const [key, ...value] = line.split('=');
      out.set(key, [...(out.get(key) ?? []), value.join('=')]);
    }
  }
  return out;
}

describe('running for real: the supervisors', () => {
  it('the systemd unit restarts the server always, as a dedicated user, with settings from a file, and runs server/main.ts', () => {
    const unit = fs.readFileSync('deploy/tirta-dispatch.service', 'utf8');
    const service = section(unit, 'Service');
    expect(service.get('Restart')).toEqual(['always']);
    expect(section(unit, 'Unit').get('StartLimitIntervalSec')).toEqual(['0']);
    expect(service.get('User')).toEqual(['tirta']);
    expect(service.get('EnvironmentFile')).toEqual(['/etc/tirta-dispatch/env']);
    const exec = service.get('ExecStart')![0].split(/\s+/);
    expect(exec.slice(0, 3)).toEqual(['/usr/bin/node', '--import', 'tsx']);
    expect(fs.existsSync(exec[3])).toBe(true);
    expect(exec[3]).toBe('server/main.ts');
    expect(section(unit, 'Install').get('WantedBy')).toEqual(['multi-user.target']);
    const sweep = section(fs.readFileSync('deploy/tirta-photos-sweep.service', 'utf8'), 'Service');
    expect(fs.existsSync(sweep.get('ExecStart')![0].split(/\s+/)[3])).toBe(true);
  });

  it('the example settings file names only real settings, and they load', () => {
    const lines = fs.readFileSync('deploy/tirta-dispatch.env.example', 'utf8').split('\n');
    const active = Object.fromEntries(lines.filter((l) => /^[A-Z]/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    const commented = lines.filter((l) => /^#[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.slice(1).split('=')[0]);
    for (const name of [...Object.keys(active), ...commented]) expect(settingNames, name).toContain(name as (typeof settingNames)[number]);
    const config = loadConfig(active);
    expect(config.production).toBe(true);
    expect(config.photoStore.kind).toBe('disk');
    expect(config.photoDir).toBe(path.resolve('/var/lib/tirta-dispatch/photos'));
    const withS3 = loadConfig({ ...active, ...Object.fromEntries(lines.filter((l) => /^#[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.slice(1).split(/=(.*)/s).slice(0, 2) as [string, string])) });
    expect(withS3.photoStore.kind).toBe('s3');
  });

  it('docker compose restarts both services unless stopped', () => {
    const compose = fs.readFileSync('docker-compose.yml', 'utf8');
    const blocks = compose.split(/\n {2}(?=[a-z]+:\n)/);
    for (const name of ['db', 'app']) {
      const block = blocks.find((b) => b.startsWith(`${name}:`));
      expect(block, name).toMatch(/\n {4}restart: unless-stopped/);
    }
  });
});
