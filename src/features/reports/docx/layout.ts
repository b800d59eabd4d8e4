import { DocumentGridType } from 'docx';

// Page and type sizes of GB/T 9704-2012 《党政机关公文格式》, in the units Word stores.
// One place for the numbers, so a reader can check them against the standard (sections 5.2, 5.3, 7.5).

/** 1 mm in twips (1/20 pt, 1/1440 inch). */
const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** Chinese font sizes (字号) in points. */
export const PT = {
  er: 22, // 二号: title
  san: 16, // 三号: body and headings
  si: 14, // 四号: page numbers
  xiaosi: 12, // 小四: tables
  wu: 10.5, // 五号: wide (appendix) tables, header line
} as const;

/** docx expresses run sizes in half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);
export const twipsFromPt = (pt: number): number => Math.round(pt * 20);

/** Margins in mm: GB/T 9704 §5.2.1 gives the top (37 mm) and the binding edge (28 mm); the rest follow from A4 and the type area. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

const PAGE_WIDTH_TWIPS = mm(210);

export const PAGE = {
  width: PAGE_WIDTH_TWIPS, // A4
  height: mm(297),
  // Not in the standard (official documents carry no header); far enough above the type area to read as apart.
  header: mm(15),
} as const;

/**
 * Footer distance for a given bottom margin. 7.5: the page number's dash sits 7 mm below the type area.
 * The number's 17.5 pt line is 6.2 mm high with the dash at its middle, so the line's bottom lies
 * 7 + 3.1 ≈ 10 mm below the type area: 25 mm above the edge on portrait pages, 16 mm on landscape ones.
 */
export const footerDistance = (bottomMarginMm: number): number => mm(bottomMarginMm - 10);

/** Type area (版心) 156 × 225 mm; landscape pages turn it sideways: 225 mm wide, 156 mm high. */
export const TYPE_AREA_MM = { portraitWidth: 156, landscapeWidth: 225 } as const;

/**
 * 5.2.2 / 5.2.3: 22 lines of 28 characters in 三号 — a line pitch of 225 mm / 22 ≈ 28.95 pt, set as an exact
 * line height on every body paragraph.
 */
export const BODY_LINE = twipsFromPt(28.95);

/** Portrait text width in twips, as Word computes it from the page and the margins. */
export const TEXT_WIDTH = PAGE_WIDTH_TWIPS - mm(MARGIN_MM.left) - mm(MARGIN_MM.right);

/**
 * Word's document grid (文档网格, "指定行和字符网格"): 22 lines and 28 characters a line. 16 pt characters
 * take 448 pt, more than the 442 pt text width, so the grid narrows the pitch: charSpace is the pitch's
 * difference from the Normal size (三号) in 1/4096 pt, rounded down so that 28 pitches still fit.
 */
export const DOC_GRID = {
  type: DocumentGridType.LINES_AND_CHARS,
  linePitch: BODY_LINE,
  charSpace: Math.floor((TEXT_WIDTH / 20 / 28 - PT.san) * 4096),
} as const;
