#!/usr/bin/env node
// The `clockhook` command. A committed shim (not dist/cli.js itself) so that package
// managers can link the bin before the package is built.
import '../dist/cli.js'
