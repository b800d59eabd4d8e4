// The public face of the meetings feature: other features, the server and the CLI import only from here.

export { addDecision, recordMeeting } from './meetings.ts';
export { buildMinutes, renderMinutes } from './minutes.ts';
export { meetingRoutes } from './routes.ts';
