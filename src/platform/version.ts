import fs from 'node:fs';
import { projectPath } from './paths.ts';

export const VERSION: string = (JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')) as { version: string })
  .version;
