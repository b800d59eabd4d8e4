import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type Organisation, OrganisationSchema } from '../../core/organisation.ts';

export const ORGANISATION_FILE = 'organisation.yaml';

/** Reads organisation.yaml from a plan folder; a problem names the file and the path. */
export function loadOrganisation(planDir: string): Organisation {
  const file = path.join(planDir, ORGANISATION_FILE);
  const parsed = OrganisationSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${file} ${i.path.join('.')}：${i.message}`);
    throw new Error(`组织机构文件有误：\n${lines.join('\n')}`);
  }
  return parsed.data;
}
