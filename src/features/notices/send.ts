import type { Db } from '../../db/connection.ts';
import { notice } from '../../db/schema/index.ts';
import type { WebhookResult } from './contract.ts';
import { getWebhook, postWebhook } from './webhook.ts';

// Notices other features send: in-app notices to everyone of a unit (inside the caller's transaction, so a notice
// exists exactly when the change it speaks of does), and a message to the configured group robot.

export interface OutgoingNotice {
  unitId: number;
  /** Dotted kind, e.g. task.issued, meeting.notice. */
  kind: string;
  title: string;
  body: string;
  /** The web page the notice opens. */
  link?: string;
}

export async function sendUnitNotices(tx: Db, notices: OutgoingNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await tx
    .insert(notice)
    .values(
      notices.map((n) => ({ unitId: n.unitId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null })),
    );
}

/** Posts to the group robot when one is configured and enabled; never throws. `undefined`: none configured. */
export async function postToGroupRobot(
  db: Db,
  title: string,
  markdown: string,
  allowedHosts: readonly string[],
): Promise<WebhookResult | undefined> {
  const settings = await getWebhook(db);
  if (!settings.enabled || !settings.url) return undefined;
  return postWebhook(settings, title, markdown, { allowedHosts });
}
