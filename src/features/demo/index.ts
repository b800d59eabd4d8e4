// The public face of the demo feature: other features, the server and the CLI import only from here.

export { generateDemoData, hasDemoData } from './generate.ts';
