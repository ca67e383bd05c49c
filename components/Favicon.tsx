/** A source's favicon: the inlined image when the background sent one, else a letter avatar. */
import { safeImageDataUrl } from './safe-href.ts';
import { AVATAR_COLORS } from './theme.ts';

/** The first letter or digit of the site name (any script), for the avatar. */
export function avatarLetter(siteName: string, url?: string): string {
  const source = siteName.trim() || hostOf(url);
  const m = /[\p{L}\p{N}]/u.exec(source);
  return m ? m[0].toLocaleUpperCase() : '?';
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A stable palette index for a name, so a site keeps its colour across cards. */
export function avatarColorIndex(name: string): number {
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % AVATAR_COLORS.length;
}

/** Props for {@link Favicon}. */
export interface FaviconProps {
  siteName: string;
  url?: string;
  faviconDataUrl?: string;
}

/** Decorative: the site name is always shown as text next to it. */
export function Favicon({ siteName, url, faviconDataUrl }: FaviconProps) {
  const src = safeImageDataUrl(faviconDataUrl);
  if (src) {
    return <img class="sl-fav" src={src} alt="" width={16} height={16} aria-hidden="true" />;
  }
  const key = siteName.trim() || hostOf(url);
  return (
    <span class={`sl-fav sl-avatar sl-avatar--${avatarColorIndex(key)}`} aria-hidden="true">
      {avatarLetter(siteName, url)}
    </span>
  );
}
