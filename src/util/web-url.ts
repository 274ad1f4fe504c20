// Addresses copyfair shows to users come from strangers' files: only http(s) ones are shown.

/** True for an http:// or https:// address with a host; `javascript:`, `data:`, `file:` are not. */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(text.trim());
}

/** Unpaired UTF-16 surrogates, which encodeURI refuses ("URI malformed") and XML forbids. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any surrogate, paired or not. */
const SURROGATE = /[\ud800-\udfff]/;

/** `text` with unpaired surrogates replaced by U+FFFD, so it can be encoded as UTF-8 or a URI. */
export function wellFormed(text: string): string {
  // Nearly every text holds no surrogate at all: one native test instead of the lookbehind search.
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
}
