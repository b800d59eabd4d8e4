// Reads the parts of a .docx (a zip of XML files) that the tests check. JSZip comes with docx and exceljs.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  headers: string[];
  footers: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  const all = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((name) => pattern.test(name))
        .sort()
        .map(read),
    );
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    headers: await all(/^word\/header\d+\.xml$/),
    footers: await all(/^word\/footer\d+\.xml$/),
  };
}

/** The text of every paragraph, in order; only those of a matching style when `style` is given. */
export function paragraphTexts(xml: string, style?: RegExp): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => !style || style.test(p.match(/<w:pStyle w:val="([^"]+)"/)?.[1] ?? ''))
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

/** The XML of the style with the given id. */
export function styleXml(styles: string, id: string): string {
  const match = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's'));
  if (!match) throw new Error(`no style ${id}`);
  return match[0];
}
