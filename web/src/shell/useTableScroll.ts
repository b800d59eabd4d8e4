import { Grid } from 'antd';

/**
 * A list table's scroll setting: on a phone the table keeps its columns' natural widths and scrolls sideways inside
 * the page (squeezed columns broke names into one character a line and widened the page); on a desktop it fits.
 */
export function useTableScroll(): { x: 'max-content' } | undefined {
  return Grid.useBreakpoint().md === false ? { x: 'max-content' } : undefined;
}
