// Draft a plan folder from an issued plan document (.docx or .txt): reads the file, drafts with the pure
// src/core/catalog/draft.ts, and writes folder.yaml, one YAML file per plan and candidates.yaml. The candidates
// file is not listed in folder.yaml, so candidate indicators never count as indicators until the office moves
// them into a plan file.

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isSeq, visit } from 'yaml';
import { DraftError, type DraftOptions, draftPlanFolder, type PlanDraft } from '../../core/catalog/draft.ts';
import { DocxError, docxText } from './docx.ts';

export { DraftError };

/** The text of a plan document: .docx (a zip) by its content, otherwise UTF-8 text. */
export function documentText(buf: Buffer, name: string): string {
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    try {
      return docxText(buf);
    } catch (error) {
      if (error instanceof DocxError) throw new DraftError(`${name}：${error.message}`);
      throw error;
    }
  }
  if (/\.doc$/i.test(name) || buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DraftError(`${name} 是旧版 Word（.doc）文件：请在 Word 中另存为 .docx，或另存为纯文本（.txt）后再试。`);
  }
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw new DraftError(`${name} 不是 UTF-8 编码的文本：请用“另存为 → 纯文本 → UTF-8”保存后再试，或直接使用 .docx。`);
  }
  return text;
}

export function draftFromDocument(buf: Buffer, name: string, options: DraftOptions = {}): PlanDraft {
  return draftPlanFolder(documentText(buf, name), options);
}

/** Short maps and lists (rule, source, limits …) in flow style, as the hand-written plan files have them. */
const FLOW_KEYS = new Set(['cycle', 'rule', 'source', 'limits', 'disaggregations', 'counts']);

/** YAML text in the plan files' style; `flow` says which keys' maps and lists are written on one line. */
export function yamlText(header: string, data: unknown, flow = (key: string) => FLOW_KEYS.has(key)): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_key, pair) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      if (typeof key === 'string' && flow(key) && (isMap(pair.value) || isSeq(pair.value))) {
        pair.value.flow = true;
      }
    },
  });
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

/** The files of a draft folder: name → YAML text. */
export function draftFiles(draft: PlanDraft): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'folder.yaml',
    yamlText(
      ' 规划目录草稿：由 tianping plan draft 从规划正文生成。请核对 id、name、region；见 docs/catalog.md。',
      draft.folder,
    ),
  );
  for (const { file, plan } of draft.plans) {
    files.set(
      file,
      yamlText(
        ` ${plan.title}（草稿）\n 正文（sections、goals、measures）逐字取自原文。监测指标（indicators）为空：\n 从 candidates.yaml 中采纳的候选指标移到相应领域的 indicators 下（去掉 plan、domain 两行）。`,
        plan,
      ),
    );
  }
  files.set(
    'organisation.yaml',
    yamlText(
      ' 组织机构（草稿）：只列了办公室和统计局，请补全成员单位（units）和镇街（areas，kind 为 street 或 town）。\n 单位代码是数据的主键，定下后不要改动。格式见 plans/wuqing-2021-2025/organisation.yaml。',
      draft.organisation,
    ),
  );
  files.set(
    'candidates.yaml',
    yamlText(
      ` 候选监测指标（未采纳，不计入指标）：从每条主要目标和策略措施中含数字或方向措辞的分句提出，\n 每个候选带原文 quote 和建议的目标规则。名称、单位、精度、上下限、分解维度是建议值，须逐条核对；\n 采纳的移到 plan 所指文件、domain 所指领域的 indicators 下，不采纳的删去。\n 共 ${draft.candidates.length} 个候选。`,
      { candidates: draft.candidates },
    ),
  );
  return files;
}

/** Writes the draft folder; refuses a folder that already has files (a draft never overwrites edits). */
export async function writeDraftFolder(draft: PlanDraft, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.length > 0) {
    throw new DraftError(
      `目录 ${dir} 不是空的（有 ${existing.slice(0, 3).join('、')} 等）：草稿不会覆盖已有文件，请换一个新目录。`,
    );
  }
  const files = draftFiles(draft);
  for (const [name, text] of files) await writeFile(path.join(dir, name), text);
  return [...files.keys()];
}
