#!/usr/bin/env node
// The CLI runs from the compiled output, which `npm install` builds through the `prepare` script.
import '../dist/cli/bin.js';
