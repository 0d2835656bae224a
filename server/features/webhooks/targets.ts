import dns from 'node:dns';
import net from 'node:net';
import { validationError } from '../../core/domain/errors.js';

/**
 * Where a webhook may point. A utility's admin names the URL, and the worker
 * POSTs to it from inside the network: without a check, that reaches the
 * database port, the cloud metadata service (169.254.169.254) or any internal
 * host, and the delivery status tells which answered. So a target must be a
 * public unicast address, unless WEBHOOK_ALLOWED_HOSTS names its host, its
 * address or a block holding it. The check runs at registration and again at
 * each delivery, on the address the connection then uses (resolved once, in
 * the socket's own lookup: no second resolution can swap it).
 */

/** Not public: private, loopback, link-local, shared (CGNAT), documentation, benchmarking, multicast, reserved. */
const notPublic = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) notPublic.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) notPublic.addSubnet(prefix, bits, 'ipv6');

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as its IPv4 address. */
function normalised(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

export function isPublicAddress(address: string): boolean {
  if (!net.isIP(address)) return false;
  const a = normalised(address);
  return !notPublic.check(a.address, a.family);
}

/** The allow-list (host names, addresses, CIDR blocks) as a matcher of a host and the address it resolved to. */
export function allowListOf(entries: readonly string[]): (host: string, address: string) => boolean {
  const names = new Set<string>();
  const blocks = new net.BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    const [ip, bits] = entry.split('/');
    if (net.isIP(ip)) {
      const family = net.isIPv6(ip) ? 'ipv6' : 'ipv4';
      if (bits !== undefined) blocks.addSubnet(ip, Number(bits), family);
      else blocks.addAddress(ip, family);
    } else if (entry) names.add(entry);
  }
  return (host, address) => {
    if (names.has(host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, ''))) return true;
    if (!net.isIP(address)) return false;
    const a = normalised(address);
    return blocks.check(a.address, a.family);
  };
}

/** Whether a connection from `host` to `address` may be made. */
export function isAllowedTarget(host: string, address: string, allowedHosts: readonly string[]): boolean {
  return isPublicAddress(address) || allowListOf(allowedHosts)(host, address);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** An error that says no more than "unreachable" (the same for every cause: not a probe). */
export class TargetRefused extends Error {
  readonly code = 'TARGET_REFUSED';
  constructor(readonly host: string) {
    super(`webhook target ${host} is not a public address`);
  }
}

/**
 * A `lookup` for http.request: resolves once and hands the socket only an
 * allowed address (the one it then connects to), else fails with TargetRefused.
 */
export function guardedLookup(allowedHosts: readonly string[]) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const allowed = (addresses as dns.LookupAddress[]).filter((a) => isAllowedTarget(hostname, a.address, allowedHosts));
      if (allowed.length === 0) return callback(new TargetRefused(hostname), '');
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Registration: an http(s) URL without credentials, whose host (a literal
 * address, or every address its name resolves to now) is allowed. A name that
 * does not resolve yet is accepted; each delivery checks again.
 */
export async function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): Promise<URL> {
  const refuse = (message: string) => validationError([{ field: 'url', message }]);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('use an http:// or https:// URL');
  if (url.username || url.password) throw refuse('no user name or password in the URL (the body is signed)');
  const host = hostOf(url);
  const refusedTarget = () => refuse('the target must be a public address (private, loopback, link-local and multicast targets need WEBHOOK_ALLOWED_HOSTS)');
  if (net.isIP(host)) {
    if (!isAllowedTarget(host, host, allowedHosts)) throw refusedTarget();
    return url;
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    return url; // not resolvable now: checked at delivery
  }
  if (addresses.some((a) => !isAllowedTarget(host, a.address, allowedHosts))) throw refusedTarget();
  return url;
}
