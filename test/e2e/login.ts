import type { BrowserContext, Page } from 'playwright-core';

/** Signs in through the login page, as a user would. */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password = 'Tianping@2025',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** Signs `username` in on the browser's one profile after signing the previous person out (one browser, many roles). */
export async function signInAlone(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password?: string,
): Promise<Page> {
  for (const p of context.pages()) await p.close();
  await context.clearCookies();
  return signIn(context, baseUrl, username, password);
}
