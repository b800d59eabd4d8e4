import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The project folder, found by walking up to package.json from this module. It works the same whether the server
// runs from the TypeScript sources (src/platform/) or from the compiled bundle (dist/server/), so files shipped
// beside the code (plans/, dist/web/, migrations) are found from either.
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the server code');
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** A path inside the project folder, e.g. projectPath('plans', 'wuqing-2021-2025'). */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}

/** The plan folder shipped with the system, used when TIANPING_PLAN_DIR is not set. */
export const BUNDLED_PLAN_DIR = projectPath('plans', 'wuqing-2021-2025');
