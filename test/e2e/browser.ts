import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../helpers/server-process.ts';

// Debian's Chromium driven by playwright-core (npx playwright install cannot work here): STACK.md gotcha 4.

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts');

/** A phone as town and unit staff use it (inside WeCom): 390×844, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

export async function launchBrowser(
  device: { viewport: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {
    viewport: { width: 1440, height: 900 },
  },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ...device,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/**
 * An antd popup (confirm dialog, popconfirm) once its opening animation has ended: a click on its button while it
 * zooms in was seen lost under load (the popup stayed open, nothing happened).
 */
export async function settled(popup: Locator): Promise<Locator> {
  await popup.waitFor();
  // The test's TypeScript has no DOM library: the element is typed by what is called on it.
  type Animated = { getAnimations(options: { subtree: boolean }): unknown[] };
  await expect
    .poll(() => popup.evaluate((el) => (el as unknown as Animated).getAnimations({ subtree: true }).length))
    .toBe(0);
  return popup;
}
