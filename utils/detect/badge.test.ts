import { describe, expect, it } from 'vitest';
import { DETECTED_BADGE, badgeFor, copyBadge } from './badge';

describe('badgeFor', () => {
  it('marks detected articles and names the shortcut', () => {
    expect(badgeFor(true, 'Alt+R')).toMatchObject({
      text: DETECTED_BADGE,
      titleKey: 'actionTitleDetected',
      titleArg: 'Alt+R',
    });
    expect(badgeFor(true, undefined)).toMatchObject({ text: DETECTED_BADGE, titleKey: 'actionTitleDetectedNoKey' });
    expect(badgeFor(false, 'Alt+R')).toMatchObject({ text: '', titleKey: 'actionTitleNotDetected' });
  });
});

describe('copyBadge', () => {
  it('confirms a copy apart from the detection mark, and marks a failure', () => {
    expect(copyBadge(true).text).toBe('OK');
    expect(copyBadge(true).text).not.toBe(DETECTED_BADGE);
    expect(copyBadge(false).text).toBe('!');
  });
});
