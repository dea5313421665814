#!/usr/bin/env node
// `npx maoni-server`: runs the compiled command line (npm run build in server/ writes dist/).
import '../dist/src/cli.js';
