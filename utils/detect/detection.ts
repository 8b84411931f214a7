import { restrictedReason } from './pages';

/**
 * When Lectern checks a tab's page for an article, after one of the browser's tab updates. Pure.
 * Once the page has loaded; or 3 s after it started loading if it is still going (its images and ads may take long,
 * and the check waits only for its document); or, on a single-page site that changes its address without a page
 * load, half a second later, once its new content is in.
 */
export const DETECT_AFTER = { load: 0, slowLoad: 3000, addressChange: 500 } as const;

/** Check after `delay` ms; `newLoad`: a new page started loading, so what was checked in the tab no longer holds. */
export interface DetectionPlan {
  delay: number;
  newLoad: boolean;
}

/** What a tab update (`tabs.onUpdated`'s change, and the tab's address) means for detection; null: nothing to do. */
export function detectionAfter(
  change: { status?: string; url?: string },
  tabUrl: string | undefined,
): DetectionPlan | null {
  if (restrictedReason(tabUrl) !== null) return null;
  if (change.status === 'loading') return { delay: DETECT_AFTER.slowLoad, newLoad: true };
  if (change.status === 'complete') return { delay: DETECT_AFTER.load, newLoad: false };
  if (change.url !== undefined) return { delay: DETECT_AFTER.addressChange, newLoad: false };
  return null;
}
