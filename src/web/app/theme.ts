import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Colours chosen for WCAG 2.1 AA contrast on white: the darkest blue shade for filled buttons and links,
 * and darker "dimmed", placeholder and error text than Mantine's defaults.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 4 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // Vietnamese reads badly in capitals, and a truncated status is no status.
    Badge: Badge.extend({
      styles: { root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#5c636a',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-disabled-color': '#5c636a',
    // Mantine's green and red shade 9 are too light for small badge text on their tinted backgrounds.
    '--mantine-color-green-light-color': '#1f6e30',
    '--mantine-color-green-filled': '#1f6e30',
    '--mantine-color-red-light-color': '#a51d1d',
    // likewise teal and orange (movement badges: "Bổ sung", "Điều chỉnh", "Còn hạn")
    '--mantine-color-teal-light-color': '#0b5e4f',
    '--mantine-color-orange-light-color': '#9a3b00',
    // orange.9 (#d9480f) is 4.0:1 on white: the outline "Trả lại cán bộ" / "Trả lại bổ sung" buttons and the
    // filled orange ones (white text) take the same dark orange, 7:1
    '--mantine-color-orange-outline': '#9a3b00',
    '--mantine-color-orange-filled': '#9a3b00',
    '--mantine-color-orange-filled-hover': '#7a2f00',
    // a light or subtle blue button under the pointer: Mantine's hover tint (~#a5d8ff) leaves the blue-9
    // label at 4.0:1; blue-1 keeps it at 4.9:1 (axe caught it on a download button left under the mouse)
    '--mantine-color-blue-light-hover': '#d0ebff',
  },
  dark: {},
});
