/**
 * What lines of page furniture say, as text: ad labels, promoted links, list headings, calls to action, closing blurbs,
 * datelines, bylines and opening notices. Stock phrases in English and Russian (and dates in every language dates.ts
 * reads); nothing names a site.
 */
import { findDateInText } from './dates';

/** Lines that are only an ad label, a loading notice or a "continue reading" prompt. */
export const AD_LINE =
  /^(?:advert(?:isement)?s?|ad|ads|sponsored(?: content)?|paid content|continue reading(?: below| the main story)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|(?:the )?story continues(?: below)?|scroll (?:down )?to continue(?: reading)?|this slideshow requires javascript\.?|loading\W*|реклама|продолжение ниже|читать далее|skip (?:this )?ad|close|caption|(?:image|photo|picture|slide) \d+\s*(?:of|\/)?\s*\d+|\d+ of \d+|(?:photo|image|picture|photograph)s?(?: by)?\s*:\s*[^!?]{2,60}|enlarge this image|toggle caption|hide caption|view gallery|expand|watch|listen)$/i;

/** Lead-ins of a promoted link: "Read more: …", "Related: …", "ALSO READ | …". */
export const PROMO_LEAD =
  /^(?:read more|see more|read also|also read|also on [\w.-]+|more|related(?: articles?| stories| coverage| content)?|see also|recommended(?: for you)?|don'?t miss|must read|watch|watch now|listen|click here|читайте также|смотрите также|по теме|читайте|подробнее)\b\s*[:|：>»-]?/i;

/** Headings of link lists: "You may also like", "More from …", "Most read". */
export const LIST_HEADING =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy)|more (?:great )?[\w ]{0,20}stories|more from [\w .'-]{1,40}|more on this(?: story)?|more:|related(?: news| stories| articles| coverage| content| links)?|recommended(?: for you| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|don'?t miss|top stories|latest (?:news|stories)|what to read next|read next|editor'?s picks|also in [\w ]{1,30}|holiday gift guides|popular (?:now|stories)|сейчас читают|популярное|другие новости|материалы по теме|по теме)[\s.:…!-]*$/i;

/** Calls to action and blurbs that close articles. */
export const CLOSING_LINE =
  /(?:\bfollow (?:us|him|her|them|me)\b|\bon (?:twitter|facebook|instagram)\b|\bsign up\b|\bsubscribe\b|\bnewsletters?\b|\bin your inbox\b|\bshare (?:this|it)\b|\btell us what you think\b|\bhave a (?:news )?tip\b|\bcopyright\b|©|\ball rights reserved\b|^\W*\d*\s*comments?\W*$|^\W*post (?:a )?comment|\bis an? (?:[\w-]+ ){0,3}(?:reporter|writer|editor|correspondent|contributor|journalist|columnist|producer|author)\b|\bjoin (?:our|the) [\w ]{1,30}(?:forum|community|conversation)|\b(?:may|might) contain affiliate\b|\baffiliate links?\b|\bmay be reached at\b|^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|research) by\b|\bclick here\b|^listen (?:to|live|again|back)\b|\bcan be reached at\b|\bemail (?:him|her|them|me) at\b|подписывайтесь|подпишитесь|присоединяйтесь)/i;

/** "Updated 9:41 AM", "Published: Nov 19, 2019", "Posted Nov 18, 8:19 PM", and the like. */
const DATELINE_LEAD =
  /^(?:(?:first |last )?(?:updated|published|posted|modified|created|opublikovano|опубликовано|обновлено|дата публикации)\b|on\s+\w+day\b)/i;
const HAS_TIME_OR_DATE =
  /\b(?:\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|yesterday|today|\d+\s+(?:minutes?|hours?|days?)\s+ago)\b/i;

export function isDateline(text: string): boolean {
  // A short line holding a date written out in any language the date reader knows, and no sentence.
  if (text.length < 60 && !/[.!?]$/.test(text) && findDateInText(text)) return true;
  if (text.length > 160 || !HAS_TIME_OR_DATE.test(text)) return false;
  if (DATELINE_LEAD.test(text)) return true;
  // Mostly a date and time: what is left without digits, month names and separators is a few words at most.
  const rest = text
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi, '')
    .replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/gi, '')
    .replace(/\b(?:[ap]\.?m\.?|gmt|utc|[a-z]st|[a-z]dt|et|pt|at|on|by|updated|published|posted)\b/gi, '')
    .replace(/[\d\s,./:|;–—-]+/g, ' ')
    .trim();
  const words = rest.split(/\s+/).filter(Boolean).length;
  // "On 4 March the harbour opened." is a sentence, not a dateline.
  return words <= 3 && !(words >= 2 && /[.!?]$/.test(text));
}

/** Notices that open posts: affiliate disclosures, newsletter sign-ups. */
export const OPENING_NOTICE =
  /\b(?:may|might) contain affiliate\b|\baffiliate links?\b|\bsign up for (?:the|our) [\w ]{0,30}newsletter\b|\bsubscribe to (?:the|our) [\w ]{0,30}newsletter\b/i;

export const BYLINE = /^(?:by|from|written by|words by|posted by|reported by|автор|текст)\s*:?\s+\S/i;

/** Calls to subscribe, sign up or follow, which no sentence of an article's own text makes. */
export const CALL_TO_ACTION =
  /^(?:subscribe|sign up|follow us|get (?:our|the) [\w ]{1,30}newsletter|join (?:us|now)|download (?:our|the) app)\b|\b(?:subscribe|sign up) (?:to|for|now|today)\b/i;
