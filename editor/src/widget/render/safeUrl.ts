const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

function parse(raw: string | undefined, schemes: Set<string>): string | null {
  if (!raw) return null;
  try {
    // No base: a relative or scheme-less URL has no agreed meaning on a stranger's page.
    const url = new URL(raw.trim());
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The URL if a message may link to it (http, https, mailto, tel), else null. */
export const safeLinkUrl = (raw: string | undefined): string | null => parse(raw, LINK_SCHEMES);

/** The URL if it is a web page (http, https), else null: the privacy notice's link. */
export const safeWebUrl = (raw: string | undefined): string | null => parse(raw, IMAGE_SCHEMES);

/** The URL if a message may show it as an image (http, https), else null. */
export const safeImageUrl = (raw: string | undefined): string | null => parse(raw, IMAGE_SCHEMES);
