#!/usr/bin/env node
// The admin CLI. Tianping runs its TypeScript sources directly through tsx (docs/decisions/001-runtime-and-language.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
