// The fonts users' Word and WPS have for official documents (GB/T 9704 §7.2 and common practice).
// The names must be exactly these: Word matches fonts by name and silently substitutes otherwise.

export const FONT = {
  title: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  fang: '仿宋_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * rFonts for a run: Chinese in the given face; Latin letters and digits in Times New Roman,
 * as hand-made documents do — except where the Chinese face's own digits are wanted (黑体 headings,
 * the 宋体 page number), which pass `latin` equal to the Chinese face.
 */
export const runFont = (eastAsia: string, latin: string = FONT.latin) => ({ ascii: latin, hAnsi: latin, eastAsia });
