/** How the toolbar button presents a page's detection result. Pure: detection in, badge and tooltip out. */

export interface BadgeState {
  text: string;
  color: string;
  titleKey: 'actionTitleDetected' | 'actionTitleDetectedNoKey' | 'actionTitleNotDetected';
  /** Substitution for the title: the toggle shortcut when one is bound. */
  titleArg: string | undefined;
}

export const DETECTED_BADGE = '✓';
export const BADGE_COLOR = '#2f6f4e';

export function badgeFor(readerable: boolean, shortcut: string | undefined): BadgeState {
  if (!readerable) return { text: '', color: BADGE_COLOR, titleKey: 'actionTitleNotDetected', titleArg: undefined };
  return shortcut
    ? { text: DETECTED_BADGE, color: BADGE_COLOR, titleKey: 'actionTitleDetected', titleArg: shortcut }
    : { text: DETECTED_BADGE, color: BADGE_COLOR, titleKey: 'actionTitleDetectedNoKey', titleArg: undefined };
}

/** The button's short notice of a copy whose confirmation the page took away: "OK", or "!" when it failed. */
export function copyBadge(copied: boolean): { text: string; color: string } {
  return copied ? { text: 'OK', color: BADGE_COLOR } : { text: '!', color: '#a12a2a' };
}
