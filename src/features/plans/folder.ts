// The whole plan folder, checked before anything is written: the plans (folder.yaml and the plan files),
// organisation.yaml and responsibility.yaml. Every problem of every file is reported at once, with file and line,
// as one CatalogError; a server start or `tianping catalog` never goes on with half a folder.

import type { Catalog, CatalogProblem } from '../../core/catalog/index.ts';
import type { Organisation } from '../../core/organisation.ts';
import type { DefaultAssignment } from '../../core/responsibility.ts';
import { RESPONSIBILITY_FILE } from '../../core/responsibility.ts';
import { CatalogError, loadPlanFolder } from '../catalog/index.ts';
import { loadOrganisation, OrganisationFileError } from '../organisation/index.ts';
import { loadResponsibility, ResponsibilityFileError } from '../responsibility/index.ts';

export interface WholeFolder {
  catalog: Catalog;
  organisation: Organisation;
  /** The default lead and partner units, or null when the folder has no responsibility.yaml. */
  responsibility: DefaultAssignment[] | null;
}

export async function loadWholeFolder(dir: string): Promise<WholeFolder> {
  const problems: CatalogProblem[] = [];
  let catalog: Catalog | undefined;
  let organisation: Organisation | undefined;
  try {
    catalog = await loadPlanFolder(dir);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    problems.push(...error.problems);
  }
  try {
    organisation = loadOrganisation(dir);
  } catch (error) {
    if (!(error instanceof OrganisationFileError)) throw error;
    problems.push(...error.problems);
  }
  // responsibility.yaml names indicators and units: it can only be checked against a valid catalog and organisation.
  let responsibility: DefaultAssignment[] | null = null;
  if (catalog && organisation) {
    try {
      responsibility = await loadResponsibility(dir, { catalog, organisation });
    } catch (error) {
      if (!(error instanceof ResponsibilityFileError)) throw error;
      problems.push(
        ...error.problems.map((p) => ({
          file: RESPONSIBILITY_FILE,
          path: p.path,
          message: p.message,
          ...(p.line !== undefined ? { line: p.line } : {}),
        })),
      );
    }
  }
  if (problems.length > 0 || !catalog || !organisation) throw new CatalogError(dir, problems);
  return { catalog, organisation, responsibility };
}
