// A curated folder is written with the keys in the order of the hand-written files (inFileOrder,
// src/core/catalog/curate.ts), so that a reviewer reads and diffs it like them: every object of the bundled and the
// demo folders, its keys reversed, comes back in the file's own order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inFileOrder } from '../../src/core/catalog/curate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FOLDERS = [
  path.join(root, 'plans', 'wuqing-2021-2025'),
  path.join(root, 'test', 'fixtures', 'plans', 'demo-2026-2030'),
];

/** Every object with its keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

/** Every object's keys, with where it is, for a readable failure. */
function keyLists(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyLists(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return [
    `${at}: ${Object.keys(value).join(',')}`,
    ...Object.entries(value).flatMap(([k, v]) => keyLists(v, `${at}.${k}`)),
  ];
}

describe('the files’ key order', () => {
  for (const folder of FOLDERS) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
      it(`puts back the keys of ${path.basename(folder)}/${file}`, () => {
        const parsed = parse(readFileSync(path.join(folder, file), 'utf8'));
        // responsibility.yaml's codes keep the order of the draft (unknown keys stay as they are): its entries are
        // compared.
        const data = file === 'responsibility.yaml' ? Object.values(parsed.assignments) : parsed;
        expect(keyLists(inFileOrder(reversed(data)))).toEqual(keyLists(data));
      });
    }
  }
});
