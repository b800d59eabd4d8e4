// The files of a curated plan draft and their check. The folder is written as the YAML files an editor would
// write by hand (the draft's style, src/features/plans/draft.ts) and checked by loading those very files with
// loadWholeFolder, so what the curation page shows, what the export holds and what is published are one thing.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type CandidateDecision,
  type CuratedFolder,
  type CurationSettings,
  curatedFolder,
  type LocatedProblem,
  locateProblems,
} from '../../core/catalog/curate.ts';
import type { PlanDraft } from '../../core/catalog/draft.ts';
import type { CatalogProblem } from '../../core/catalog/index.ts';
import { unassignedItems } from '../../core/responsibility.ts';
import { writeZip } from '../../kernel/zip.ts';
import { CatalogError } from '../catalog/index.ts';
import { yamlText } from './draft.ts';
import { loadWholeFolder, type WholeFolder } from './folder.ts';

const ASSIGNMENT_KEY = /^[A-Z]+\d+-M?\d+$/;

/** folder.yaml, the plan files, organisation.yaml and responsibility.yaml: name → text. */
export function curatedFiles(curated: CuratedFolder, fileName: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'folder.yaml',
    yamlText(` 规划目录：由规划管理从 ${fileName} 整理生成。见 docs/catalog.md。`, curated.folder),
  );
  for (const { file, plan } of curated.plans) {
    files.set(
      file,
      yamlText(
        ` ${plan.title}\n 正文（sections、goals、measures）逐字取自原文；监测指标（indicators）是规划管理中采纳的候选指标。`,
        plan,
      ),
    );
  }
  files.set(
    'organisation.yaml',
    yamlText(' 组织机构：妇儿工委、办公室、监测评估组织、成员单位和镇街。单位代码是数据的主键，定下后不要改动。', {
      ...curated.organisation,
    }),
  );
  files.set(
    'responsibility.yaml',
    yamlText(
      ' 默认责任分工（目标管理责任制）：监测指标的牵头单位（lead）和配合单位（partners），单位代码见 organisation.yaml。',
      curated.responsibility,
      (key) => ASSIGNMENT_KEY.test(key),
    ),
  );
  return files;
}

export interface CurationCheck {
  curated: CuratedFolder;
  files: Map<string, string>;
  /** The folder as loadWholeFolder read it; undefined when it has problems. */
  whole?: WholeFolder;
  problems: LocatedProblem[];
  /** Not problems, but worth saying: accepted indicators without a lead unit. */
  notes: string[];
}

/** Builds the folder of a draft and its decisions, writes its files to a scratch folder and loads them whole. */
export async function checkCuration(
  draft: PlanDraft,
  settings: CurationSettings,
  decisions: Record<string, CandidateDecision>,
  systemUnits: readonly { code: string; name: string }[],
  fileName: string,
): Promise<CurationCheck> {
  const curated = curatedFolder(draft, settings, decisions, systemUnits);
  const files = curatedFiles(curated, fileName);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tianping-curate-'));
  try {
    for (const [name, text] of files) await writeFile(path.join(dir, name), text);
    let whole: WholeFolder | undefined;
    let problems: CatalogProblem[] = [];
    try {
      whole = await loadWholeFolder(dir);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      problems = error.problems;
    }
    const notes: string[] = [];
    if (whole) {
      const missing = unassignedItems(whole.catalog, whole.responsibility ?? []).filter((c) => !c.includes('-M'));
      if (missing.length > 0) {
        notes.push(
          `${missing.length} 个采纳的指标还没有牵头单位（${missing.slice(0, 8).join('、')}${missing.length > 8 ? ' 等' : ''}）：发布后可在责任分工中补上。`,
        );
      }
    }
    return { curated, files, ...(whole ? { whole } : {}), problems: locateProblems(problems, curated), notes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The folder's files as one .zip, inside a folder named by the folder id (unzip gives plans/<id>/ as it is). */
export function curationZip(files: Map<string, string>, folderId: string): Buffer {
  const base = /^[a-z0-9-]+$/.test(folderId) ? folderId : 'plan-folder';
  return writeZip([...files].map(([name, text]) => ({ name: `${base}/${name}`, data: Buffer.from(text, 'utf8') })));
}
