// The public face of the tasks feature: other features, the server and the CLI import only from here.

export type { NewTaskInput, TaskYearSummary } from './contract.ts';
export { taskRoutes } from './routes.ts';
export {
  checkDeadline,
  checkLinks,
  checkUnits,
  createTasks,
  listTasks,
  resolveLinks,
  stepTask,
  summariseTasks,
} from './tasks.ts';
