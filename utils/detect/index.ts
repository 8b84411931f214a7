// Detection's public face: whether a page is an article (the readerable check detect.js runs in every page), the
// page's markup the reader gets (snapshot.js) and a very large article's opening sent ahead of it (opening.js), when
// a tab's update calls for a check, how the toolbar button shows the answer, and which pages Lectern can't read and why.
export { isReaderable } from './readerable';
export { snapshotMarkup } from './snapshot';
// The container and the wrapper test are also how extraction cuts a very large article into parts.
export { BLOCK_CHILD, LARGE_TEXT, mainContainerInSteps, openingBlocks, openingMarkup } from './opening';
export { DETECT_AFTER, detectionAfter } from './detection';
export { badgeFor, copyBadge } from './badge';
export {
  UNREACHABLE_MESSAGES,
  displayHost,
  isPdf,
  restrictedReason,
  unreachableReason,
  type Unavailable,
  type Unreachable,
} from './pages';
