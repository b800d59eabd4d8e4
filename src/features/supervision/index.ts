// The public face of the supervision feature: other features, the server and the CLI import only from here.

export { remindOverdueSupervision } from './overdue.ts';
export { supervisionRoutes } from './routes.ts';
export {
  type IssueInput,
  issueNotice,
  type NoticeStepKind,
  type StepOptions,
  type SupervisionNoticeRow,
  stepNotice,
} from './supervision.ts';
