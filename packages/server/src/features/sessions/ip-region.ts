import { isIPv4, isIPv6 } from 'node:net';

/**
 * A coarse network location for the sessions list: the address with its host
 * part removed (/24 for IPv4, /48 for IPv6), so a person can recognise their
 * own network without us keeping where exactly they were.
 */
export function coarseIpRegion(ip: string): string {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(v4)) {
    const [a, b, c] = v4.split('.').map(Number) as [number, number, number];
    if (a === 127) return 'this computer';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
      return 'private network';
    return `${a}.${b}.${c}.0/24`;
  }
  if (isIPv6(ip)) {
    if (ip === '::1') return 'this computer';
    if (/^f[cd]/i.test(ip) || /^fe80/i.test(ip)) return 'private network';
    const groups = expandIPv6(ip).slice(0, 3).join(':');
    return `${groups}::/48`;
  }
  return 'unknown';
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array(8 - left.length - right.length).fill('0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right];
}
