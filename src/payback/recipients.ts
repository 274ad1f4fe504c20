// Funding addresses as recipients: one address is one recipient however many packages name it,
// and the platform is named from the address (GitHub Sponsors, Open Collective, Liberapay …).

export const PLATFORMS: [RegExp, string][] = [
  [/^github\.com\/sponsors\//, 'GitHub Sponsors'],
  [/^opencollective\.com\//, 'Open Collective'],
  [/^liberapay\.com\//, 'Liberapay'],
  [/^(www\.)?patreon\.com\//, 'Patreon'],
  [/^thanks\.dev\//, 'thanks.dev'],
  [/^ko-fi\.com\//, 'Ko-fi'],
  [/^tidelift\.com\//, 'Tidelift'],
  [/^(www\.)?buymeacoffee\.com\//, 'Buy Me a Coffee'],
  [/^polar\.sh\//, 'Polar'],
  [/^issuehunt\.io\//, 'IssueHunt'],
  [/^(www\.)?paypal\.(me|com)\//, 'PayPal'],
];

/** The address that names a recipient: https, host in lower case, no trailing slash or fragment. */
export function recipientKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const path = parsed.pathname.replace(/\/+$/, '');
  return `https://${parsed.host.toLowerCase()}${path}${parsed.search}`;
}

/** The platform an address belongs to, or "website". */
export function platformOf(url: string): string {
  const rest = url.replace(/^https?:\/\//, '').toLowerCase();
  return PLATFORMS.find(([pattern]) => pattern.test(rest))?.[1] ?? 'website';
}
