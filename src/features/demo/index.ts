// The public face of the demo feature: other features, the server and the CLI import only from here.

export { generateDemoData, hasDemoData } from './generate.ts';
export { areasForScale, type ScaleOptions, scaleDemoData } from './scale.ts';
