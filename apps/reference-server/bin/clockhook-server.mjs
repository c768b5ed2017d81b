#!/usr/bin/env node
// The `clockhook-server` command. A committed shim (not dist/cli.js itself) so that
// package managers can link the bin before the server is built.
import '../dist/cli.js'
