/**
 * Embedded players and posts (frames, `<video>`, `<audio>`) as cards: the provider (its host name), a title, a link that
 * opens it on its own site, and a thumbnail only when the page already had one as an image. The reader loads nothing
 * from a provider: the card is a plain link. Players are recognised by the shape of their address and the frame's own
 * attributes, the same for every provider (nothing here names a site).
 */
import { childElements, textLength } from './dom';
import { isPlaceholderSrc } from './media';

/** What extraction marks a recognised player's frame with in the working copy, so Readability keeps it. */
export const EMBED_MARK = 'lectern-embed';
/** Readability's `allowedVideoRegex`: the frames extraction marked as players. */
export const EMBED_MARK_RE = /^lectern-embed$/;

/** A path segment (or file name) of a player or an embedded post: `/embed/…`, `/player/…`, `/video/…`, `post.php`. */
const PLAYER_SEGMENT =
  /^(?:embeds?|embedded|players?|plugins?|videos?|v|e|play|watch|audio|tracks?|episodes?|podcasts?|clips?|posts?|status|reels?|live)(?:\.\w+)?$/i;
/** A host label of a player service: `player.…`, `embed.…`, `video.…`. */
const PLAYER_HOST = /^(?:players?|embeds?|video|videos|media|play|w)$/i;
/** Host labels that say nothing of the provider, dropped from the name shown on the card. */
const SERVICE_LABEL =
  /^(?:www\d?|m|mobile|players?|embeds?|w|play|media|video|videos|widgets?|platform|static|cdn|api)$/i;
/** What ads, trackers, consent and sign-in boxes, comment threads and social buttons are called in their addresses. */
const NOT_CONTENT =
  /(?:^|[./_-])(?:ads?|adserver|adservice|banners?|sponsor(?:ed)?|promo|pixel|track(?:ing|er)?|analytics|beacon|sync|cookies?|consent|captcha|recaptcha|login|signin|auth|comments?|newsletter|subscribe|share|like|follow|button)(?:[./_?=&-]|$)/i;
/** `allow` features only a media player asks for. */
const PLAYER_FEATURES = /autoplay|encrypted-media|picture-in-picture|fullscreen/i;
/** Query parameters that only change how a player plays, left out of the link. */
const PLAYBACK_PARAMS =
  /^(?:autoplay|auto_play|mute|muted|loop|controls|enablejsapi|origin|rel|showinfo|modestbranding|playsinline|iv_load_policy|wmode|widget_referrer|feature|dnt|byline|portrait|title|color|autopause|api|background|transparent|theme|frameborder|hide_related|show_comments|show_user|show_reposts|visual|sharing|download|buying)$/i;

export type EmbedKind = 'video' | 'audio' | 'post';

export interface Embed {
  kind: EmbedKind;
  /** Where the embedded thing opens on its own site. */
  url: string;
  /** The host name it comes from, without "www." and service labels such as "player." (player.example → example). */
  provider: string;
  title: string | null;
  /** An image of it that the page itself had (a poster, a facade's picture), or null. */
  thumbnail: string | null;
}

function webUrl(value: string | null | undefined, base: string): URL | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The post or page an embed shows, when its address names it (`…?url=https://…`, `…?href=…`): oEmbed's shape. */
function namedTarget(url: URL): URL | null {
  for (const name of ['url', 'href', 'u']) {
    const target = webUrl(url.searchParams.get(name), url.href);
    if (target) return target;
  }
  return null;
}

/**
 * Whether a frame at `src` is an embedded player or post: its address has a player's shape (a player host, a player
 * path, a page it names) or the frame asks for a player's features, and nothing in the address calls it an ad,
 * a tracker or a button.
 */
export function isEmbedFrame(src: string | null, base: string, allow = '', allowFullscreen = false): boolean {
  const url = webUrl(src, base);
  if (!url || isPlaceholderSrc(url.href)) return false;
  if (NOT_CONTENT.test(url.hostname) || NOT_CONTENT.test(url.pathname)) return false;
  const labels = url.hostname.split('.');
  const segments = url.pathname.split('/').filter(Boolean);
  return (
    !!namedTarget(url) ||
    (labels.length > 2 && PLAYER_HOST.test(labels[0]!)) ||
    segments.some((s) => PLAYER_SEGMENT.test(s)) ||
    allowFullscreen ||
    PLAYER_FEATURES.test(allow)
  );
}

/** The provider's name: the host without "www." and the labels that name a service rather than the provider. */
export function providerOf(url: URL): string {
  const labels = url.hostname.split('.');
  while (labels.length > 2 && SERVICE_LABEL.test(labels[0]!)) labels.shift();
  return labels.join('.');
}

/** Where the embed opens: the page its address names, else the address without its `/embed` tail and playback options. */
function pageOf(url: URL): URL {
  const named = namedTarget(url);
  if (named) return named;
  const page = new URL(url.href);
  const segments = page.pathname.split('/');
  // `/p/ID/embed/captioned` is the embed of `/p/ID/`; a leading `/embed/ID` is all the address there is.
  const tail = segments.findIndex((s, i) => i > 1 && /^embed(?:ded)?$/i.test(s));
  if (tail > 1) page.pathname = `${segments.slice(0, tail).join('/')}/`;
  for (const name of Array.from(page.searchParams.keys()))
    if (PLAYBACK_PARAMS.test(name)) page.searchParams.delete(name);
  return page;
}

function kindOf(el: Element, url: URL, named: boolean): EmbedKind {
  if (el.localName === 'audio') return 'audio';
  if (el.localName === 'video') return 'video';
  const words = `${url.hostname} ${url.pathname}`.toLowerCase();
  if (/audio|track|podcast|episode|sound|music|radio/.test(words)) return 'audio';
  if (named || /(?:^|\/)(?:posts?|status|p|reels?)(?:\/|\.|$)/.test(url.pathname)) return 'post';
  return 'video';
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A title that only names the player or its provider ("YouTube video player", "Vimeo embed", "player.example"). */
function isGenericTitle(title: string, provider: string): boolean {
  const name = provider.split('.').slice(-2, -1)[0] ?? provider;
  const lower = title.toLowerCase();
  return lower === provider || (lower.includes(name.toLowerCase()) && title.split(/\s+/).length <= 3);
}

/** The box a player sits in: its parent (up to two levels) while that holds nothing else but pictures and a caption. */
function wrapperOf(el: Element, root: Element): Element | null {
  let box: Element | null = null;
  for (let up = el.parentElement, level = 0; up && up !== root && level < 2; up = up.parentElement, level++) {
    if (textLength(up) > 300 || up.querySelector('ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote')) break;
    // Paragraphs only to hold a picture (as Readability wraps a lone image) are part of the box; text ones are not.
    if (Array.from(up.querySelectorAll('p')).some((p) => textLength(p) > 0)) break;
    box = up;
  }
  return box;
}

/** The embed behind a frame, `<video>` or `<audio>` of the article `root`, or null when it isn't one. */
export function embedOf(el: Element, root: Element, base: string): Embed | null {
  let address: URL | null;
  if (el.localName === 'iframe') {
    address = webUrl(el.getAttribute('src'), base);
    if (
      !address ||
      (!isEmbedFrame(address.href, base, el.getAttribute('allow') ?? '', el.hasAttribute('allowfullscreen')) &&
        el.getAttribute('data-lectern-embed') !== EMBED_MARK)
    )
      return null;
  } else {
    address = webUrl(el.getAttribute('src'), base);
    for (const source of childElements(el)) {
      if (address) break;
      if (source.localName === 'source') address = webUrl(source.getAttribute('src'), base);
    }
    if (!address) return null;
  }
  const url = el.localName === 'iframe' ? pageOf(address) : address;
  const provider = providerOf(url);
  const wrapper = wrapperOf(el, root);
  const figure = el.closest('figure');
  const caption = clean(
    (figure && root.contains(figure) ? figure : wrapper)?.querySelector('figcaption')?.textContent ?? '',
  );
  const own = clean(el.getAttribute('title') ?? el.getAttribute('aria-label'));
  const link = wrapper
    ? Array.from(wrapper.querySelectorAll('a[href]')).find((a) => clean(a.textContent).length > 3)
    : null;
  const title =
    [own, caption, clean(link?.textContent)].find((t) => t && t.length <= 300 && !isGenericTitle(t, provider)) ?? null;
  const poster = el.localName === 'video' ? webUrl(el.getAttribute('poster'), base) : null;
  const picture = wrapper?.querySelector('img[src]');
  const thumbnail = poster?.href ?? webUrl(picture?.getAttribute('src'), base)?.href ?? null;
  return { kind: kindOf(el, url, !!namedTarget(address)), url: url.href, provider, title, thumbnail };
}

const ICONS: Record<EmbedKind, string> = { video: '▶', audio: '♪', post: '❝' };

/**
 * The card for `embed`: `<figure class="lectern-embed"><img?><figcaption><a href><span aria-hidden>▶</span>
 * <small>provider</small> <strong>title</strong></a></figcaption></figure>`. In a figcaption, like a picture's caption,
 * it stays out of the running text (read aloud, word count).
 */
export function embedCard(doc: Document, embed: Embed): Element {
  const figure = doc.createElement('figure');
  figure.setAttribute('class', EMBED_MARK);
  if (embed.thumbnail) {
    const img = doc.createElement('img');
    img.setAttribute('src', embed.thumbnail);
    img.setAttribute('alt', '');
    figure.appendChild(img);
  }
  const caption = doc.createElement('figcaption');
  const a = doc.createElement('a');
  a.setAttribute('href', embed.url);
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = ICONS[embed.kind];
  const provider = doc.createElement('small');
  provider.textContent = embed.provider;
  a.append(icon, ' ', provider);
  if (embed.title) {
    const title = doc.createElement('strong');
    title.textContent = embed.title;
    a.append(' ', title);
  }
  caption.appendChild(a);
  figure.appendChild(caption);
  return figure;
}
