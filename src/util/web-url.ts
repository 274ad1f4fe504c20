// Addresses copyfair shows to users come from strangers' files: only http(s) ones are shown.

/** True for an http:// or https:// address with a host; `javascript:`, `data:`, `file:` are not. */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(text.trim());
}
