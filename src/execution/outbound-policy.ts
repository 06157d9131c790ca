// Which user-given URLs (spec URLs, run targets) the platform may contact: deny lists by CIDR and host
// (default: link-local addresses and cloud metadata hosts), an optional allow list, loopback allowed.
// A host name is resolved and every address it resolves to must pass.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface OutboundPolicyConfig {
  /** CIDRs (`10.0.0.0/8`), addresses or host names (`metadata.google.internal`, `*.internal`). */
  deny?: string[];
  /** When given, only these (same forms) are allowed, besides nothing else. */
  allow?: string[];
}

export const DEFAULT_DENY = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128', '100.100.100.200/32', 'metadata.google.internal', 'metadata', 'metadata.azure.com', 'instance-data'];

const UNRESOLVABLE = 'does not resolve';

/** The refusal says the host name has no address: nothing could be contacted, rather than a denial. */
export function isUnresolvable(reason: string): boolean {
  return reason.endsWith(UNRESOLVABLE);
}

export interface OutboundPolicy {
  /** Undefined when the URL may be contacted; the one-line reason otherwise. */
  check(url: string): Promise<string | undefined>;
}

/** `SENTINEL_OUTBOUND_DENY` / `SENTINEL_OUTBOUND_ALLOW`: comma-separated entries, added to the config's. */
export function policyConfigFromEnv(env: NodeJS.ProcessEnv, config: OutboundPolicyConfig = {}): OutboundPolicyConfig {
  const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const allow = [...(config.allow ?? []), ...list(env.SENTINEL_OUTBOUND_ALLOW)];
  return { deny: [...(config.deny ?? []), ...list(env.SENTINEL_OUTBOUND_DENY)], ...(allow.length > 0 ? { allow } : {}) };
}

interface Rules {
  addresses: BlockList;
  hosts: string[];
}

function compile(entries: string[]): Rules {
  const addresses = new BlockList();
  const hosts: string[] = [];
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) {
      hosts.push(entry.toLowerCase());
    } else if (prefix !== undefined) {
      addresses.addSubnet(address!, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    } else {
      addresses.addAddress(address!, family === 6 ? 'ipv6' : 'ipv4');
    }
  }
  return { addresses, hosts };
}

function hostMatches(host: string, patterns: string[]): boolean {
  return patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
}

function addressMatches(address: string, rules: Rules): boolean {
  return rules.addresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export function createOutboundPolicy(config: OutboundPolicyConfig = {}, resolve: (host: string) => Promise<string[]> = resolveAll): OutboundPolicy {
  const deny = compile([...DEFAULT_DENY, ...(config.deny ?? [])]);
  const allow = config.allow !== undefined && config.allow.length > 0 ? compile(config.allow) : undefined;
  return {
    async check(text) {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return 'not a URL';
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs are allowed';
      const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      if (hostMatches(host, deny.hosts)) return `the host ${host} is denied by the outbound policy`;
      let addresses: string[];
      try {
        addresses = isIP(host) !== 0 ? [host] : await resolve(host);
        if (addresses.length === 0) return `the host ${host} ${UNRESOLVABLE}`;
      } catch {
        return `the host ${host} ${UNRESOLVABLE}`;
      }
      addresses = addresses.map(unmapIpv4);
      for (const address of addresses) {
        if (addressMatches(address, deny)) return `${host} (${address}) is denied by the outbound policy`;
      }
      if (allow !== undefined && !hostMatches(host, allow.hosts) && !addresses.every((address) => addressMatches(address, allow))) {
        return `${host} is not on the outbound allow list`;
      }
      return undefined;
    },
  };
}

/** `::ffff:169.254.169.254` is the IPv4 address it carries. */
function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

async function resolveAll(host: string): Promise<string[]> {
  const results = await lookup(host, { all: true, verbatim: true });
  return results.map((result) => result.address);
}
