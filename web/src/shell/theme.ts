import type { ThemeConfig } from 'antd';

// The antd theme. antd's default greys, links and status colours are too light for text: tertiary grey #8c8c8c is
// 3.4:1 on white, links #1677ff 4.1:1, the green/gold/cyan tag texts 2–3.4:1. WCAG AA asks 4.5:1 for text (issue 14;
// test/e2e/accessibility.test.ts checks every main page with axe-core). Each colour below is the nearest antd palette
// step, or grey, that reaches 4.5:1 on the background it is shown on.

/** Grey for secondary text: 5.7:1 on white, 5.3:1 on the page background #f5f5f5. */
export const MUTED_TEXT = 'rgba(0, 0, 0, 0.6)';

/** Greys for placeholders and empty-table notes, which say something: 4.7:1 on white. */
const HINT_TEXT = 'rgba(0, 0, 0, 0.55)';

const GREEN = '#237804'; // green-8
const BLUE = '#0958d9'; // blue-7
const RED = '#cf1322'; // red-7
const GOLD = '#874d00'; // gold-9

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b5272d',
    borderRadius: 4,
    colorTextTertiary: MUTED_TEXT,
    colorTextDescription: MUTED_TEXT,
    colorTextPlaceholder: HINT_TEXT,
    colorLink: BLUE,
    colorLinkHover: '#003eb3', // blue-8
    colorLinkActive: '#002c8c', // blue-9
    colorError: RED,
  },
  components: {
    // Tag text is palette step 7 (status tags: the status colour) on step 1.
    Tag: {
      colorSuccess: GREEN,
      colorInfo: BLUE,
      colorWarning: GOLD,
      cyan7: '#006d75',
      green7: GREEN,
      orange7: '#ad4e00',
      volcano7: '#ad2102',
      gold7: GOLD,
      yellow7: '#876800',
      lime7: '#3f6600',
    },
    // The "7/7" beside a finished bar is in the success colour.
    Progress: { colorSuccess: GREEN },
    Table: { colorTextDisabled: HINT_TEXT },
  },
};
