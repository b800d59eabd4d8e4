// The public face of the notices feature: other features, the server and the CLI import only from here.

export { type NoticeContent, type NoticeTarget, notify } from './notify.ts';
export { sendDeadlineReminders, WEBHOOK_RUN_LABELS } from './reminders.ts';
export { noticeRoutes } from './routes.ts';
export { type OutgoingNotice, postToGroupRobot, sendUnitNotices } from './send.ts';
