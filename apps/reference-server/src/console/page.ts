/**
 * The console's one HTML page; all data comes from the JSON API and is rendered as text
 * nodes by the script. Dialogs are native `<dialog>` elements (focus, Escape, backdrop).
 */
export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clockhook console</title>
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">Clockhook</span>
  <span id="who" class="who"></span>
  <button id="sign-out" type="button" hidden>Sign out</button>
</header>
<div id="toasts" class="toasts" aria-live="polite"></div>
<main id="main" tabindex="-1">
  <section id="sign-in" class="card narrow" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title">Sign in</h1>
    <p>Use an admin API key. It is kept for this browser tab only and forgotten when you sign out or close the tab.</p>
    <form id="sign-in-form">
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck="false" required placeholder="ck_…">
      <button type="submit" class="primary">Sign in</button>
    </form>
    <p class="hint">Integration partner? Open the portal link you were given; it signs you in.</p>
    <p class="error" id="sign-in-error" role="alert"></p>
  </section>

  <div id="app" hidden>
    <nav class="tabs" aria-label="Console pages">
      <a href="#integration" data-page="integration">Integration settings</a>
      <a href="#settings" data-page="settings" class="admin-only">Settings</a>
      <a href="#audit" data-page="audit" class="admin-only">Audit log</a>
      <a href="#event-types" data-page="event-types">Event types</a>
      <a href="#events" data-page="events" class="admin-only">Events</a>
      <a href="#workers" data-page="workers" class="admin-only">Workers</a>
    </nav>
    <p id="portal-banner" class="notice" hidden></p>

    <section id="page-integration" class="page" aria-labelledby="h-integration">
      <h1 id="h-integration">Integration settings</h1>

      <section class="card" aria-labelledby="h-guide">
        <div class="card-head"><h2 id="h-guide">Integration guide</h2></div>
        <p>How to receive and verify Clockhook webhooks — signature checks in Node, Python, PHP and Go, every event with its fields, retries, timeouts and troubleshooting.</p>
        <p class="actions">
          <a class="button primary" id="guide-pdf" href="/guide.pdf" download="clockhook-integration-guide.pdf">Download PDF</a>
          <a class="button" id="guide-html" href="/guide" target="_blank" rel="noopener">Open the guide (HTML)</a>
        </p>
      </section>

      <section class="card admin-only" aria-labelledby="h-keys">
        <div class="card-head">
          <h2 id="h-keys">API credentials</h2>
          <span id="keys-badge" class="badge"></span>
          <button type="button" id="generate-key" class="primary">Generate key</button>
        </div>
        <table id="keys" class="list">
          <caption class="sr-only">API keys</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody></tbody>
        </table>
      </section>

      <section class="card" aria-labelledby="h-webhooks">
        <div class="card-head">
          <h2 id="h-webhooks">Webhooks</h2>
          <button type="button" id="add-webhook" class="primary">Add webhook</button>
        </div>
        <p id="webhooks-empty" class="hint" hidden>No webhook yet. Add one to send events to your payroll or HR system.</p>
        <div id="webhook-list" class="webhook-list"></div>
      </section>

      <section class="card" aria-labelledby="h-deliveries">
        <div class="card-head">
          <h2 id="h-deliveries">Recent deliveries</h2>
          <button type="button" id="refresh-deliveries">Refresh</button>
        </div>
        <div class="filters">
          <label>Webhook <select id="deliveries-webhook"><option value="">All webhooks</option></select></label>
          <label>Status <select id="deliveries-status">
            <option value="">Any status</option>
            <option value="succeeded">Success</option>
            <option value="failed">Failed</option>
            <option value="retrying">Retrying</option>
            <option value="pending">Pending</option>
          </select></label>
        </div>
        <table id="deliveries" class="list">
          <caption class="sr-only">The last 50 deliveries</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Webhook</th><th scope="col">Status</th><th scope="col">Time</th><th scope="col">HTTP</th><th scope="col">Attempt</th><th scope="col">Next retry</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody></tbody>
        </table>
        <p id="deliveries-empty" class="hint" hidden>No deliveries match.</p>
        <form id="recover-form" class="inline-form">
          <label>Recover failed deliveries since <input id="recover-since" type="datetime-local" required></label>
          <label>of <select id="recover-webhook" required></select></label>
          <button type="submit">Recover</button>
        </form>
      </section>
    </section>

    <section id="page-settings" class="page" hidden aria-labelledby="h-settings">
      <h1 id="h-settings">Settings</h1>
      <form id="settings-form" class="card stacked">
        <label for="set-name">Organisation name</label>
        <input id="set-name" name="name" required maxlength="200">
        <label for="set-version">Default payload version</label>
        <select id="set-version" name="default_version"></select>
        <p class="hint">Webhooks without their own version receive this one.</p>
        <label for="set-retention">Keep delivered payloads for (days)</label>
        <input id="set-retention" name="retention_days" type="number" min="1" max="3650" required>
        <label class="check"><input id="set-https" name="require_https" type="checkbox"> Require https:// for webhook URLs</label>
        <div><button type="submit" class="primary">Save settings</button></div>
      </form>
      <form id="portal-form" class="card stacked" aria-labelledby="h-portal">
        <h2 id="h-portal">Partner portal link</h2>
        <p>A short-lived link that lets an outside partner manage the chosen webhooks in this console, without an API key.</p>
        <fieldset id="portal-webhooks"><legend>Webhooks (none ticked: all, and the partner may add new ones)</legend></fieldset>
        <label for="portal-expiry">Expires after</label>
        <select id="portal-expiry"><option value="3600">1 hour</option><option value="86400">1 day</option><option value="604800">7 days</option></select>
        <div><button type="submit" class="primary">Create link</button></div>
        <div id="portal-result" hidden>
          <label for="portal-url">Link (expires <span id="portal-expires"></span>)</label>
          <div class="secret-row"><input id="portal-url" readonly><button type="button" id="copy-portal">Copy</button></div>
        </div>
      </form>
    </section>

    <section id="page-audit" class="page" hidden aria-labelledby="h-audit">
      <h1 id="h-audit">Audit log</h1>
      <table id="audit" class="list">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Target</th><th scope="col">Changes</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>

    <section id="page-event-types" class="page" hidden aria-labelledby="h-event-types">
      <h1 id="h-event-types">Event types</h1>
      <div id="event-types"></div>
    </section>

    <section id="page-events" class="page" hidden aria-labelledby="h-events">
      <h1 id="h-events">Events</h1>
      <p><button type="button" id="refresh-events">Refresh</button></p>
      <table id="events" class="list">
        <thead><tr><th scope="col">Type</th><th scope="col">Time</th><th scope="col">Payload</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>

    <section id="page-workers" class="page" hidden aria-labelledby="h-workers">
      <h1 id="h-workers">Workers</h1>
      <form id="worker-form" class="inline-form card">
        <label>Name <input name="name" required maxlength="200"></label>
        <button type="submit" class="primary">Add worker</button>
      </form>
      <table id="workers" class="list">
        <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Last action</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody></tbody>
      </table>
    </section>
  </div>
</main>

<dialog id="dlg-key-create" aria-labelledby="dlg-key-create-title">
  <form method="dialog" id="key-create-form" class="stacked">
    <h2 id="dlg-key-create-title">Generate an API key</h2>
    <label for="key-name">Name</label>
    <input id="key-name" required maxlength="200" placeholder="Payroll export">
    <fieldset id="key-scopes"><legend>Scopes</legend></fieldset>
    <div class="dialog-actions"><button type="button" data-close>Cancel</button><button type="submit" class="primary">Generate key</button></div>
  </form>
</dialog>

<dialog id="dlg-secret" aria-labelledby="dlg-secret-title">
  <div class="stacked">
    <h2 id="dlg-secret-title">Your new API key</h2>
    <p id="dlg-secret-text">Copy it now: it is shown only once.</p>
    <div class="secret-row"><input id="dlg-secret-value" readonly spellcheck="false"><button type="button" id="dlg-secret-copy">Copy</button></div>
    <p id="dlg-secret-copied" class="hint" role="status"></p>
    <div class="dialog-actions"><button type="button" id="dlg-secret-done" class="primary">I've saved my key</button></div>
  </div>
</dialog>

<dialog id="dlg-confirm" aria-labelledby="dlg-confirm-title">
  <form method="dialog" id="confirm-form" class="stacked">
    <h2 id="dlg-confirm-title"></h2>
    <p id="dlg-confirm-text"></p>
    <div id="dlg-confirm-typed" hidden>
      <label for="dlg-confirm-input">Type <strong id="dlg-confirm-word"></strong> to confirm</label>
      <input id="dlg-confirm-input" autocomplete="off" spellcheck="false">
    </div>
    <div class="dialog-actions"><button type="button" data-close>Cancel</button><button type="submit" id="dlg-confirm-ok" class="danger"></button></div>
  </form>
</dialog>

<dialog id="dlg-rename" aria-labelledby="dlg-rename-title">
  <form method="dialog" id="rename-form" class="stacked">
    <h2 id="dlg-rename-title">Rename the key</h2>
    <label for="rename-value">Name</label>
    <input id="rename-value" required maxlength="200">
    <div class="dialog-actions"><button type="button" data-close>Cancel</button><button type="submit" class="primary">Save</button></div>
  </form>
</dialog>

<dialog id="dlg-rotate" aria-labelledby="dlg-rotate-title">
  <form method="dialog" id="rotate-form" class="stacked">
    <h2 id="dlg-rotate-title">Rotate the signing secret</h2>
    <p>A new secret is made. During the grace period every delivery carries signatures from both secrets, so your receiver can switch without missing a delivery.</p>
    <label for="rotate-grace">Grace period</label>
    <select id="rotate-grace"><option value="0">None — the old secret stops now</option><option value="3600">1 hour</option><option value="86400" selected>24 hours</option><option value="604800">7 days</option></select>
    <div class="dialog-actions"><button type="button" data-close>Cancel</button><button type="submit" class="primary">Rotate secret</button></div>
  </form>
</dialog>

<dialog id="dlg-webhook" aria-labelledby="dlg-webhook-title" class="wide">
  <form method="dialog" id="webhook-form" class="stacked" novalidate>
    <h2 id="dlg-webhook-title">Add a webhook</h2>
    <label for="wh-name">Name</label>
    <input id="wh-name" name="name" required maxlength="200" placeholder="Payroll">
    <label for="wh-url">URL</label>
    <input id="wh-url" name="url" type="url" required placeholder="https://payroll.example.com/webhooks" aria-describedby="wh-url-advice">
    <p id="wh-url-advice" class="hint" aria-live="polite"></p>
    <fieldset id="wh-events"><legend>Events</legend></fieldset>
    <label for="wh-version">Payload version</label>
    <select id="wh-version" name="version"></select>
    <label for="wh-headers">Custom headers <span class="hint">(one per line, <code>Name: value</code>)</span></label>
    <textarea id="wh-headers" name="headers" rows="3" spellcheck="false" placeholder="X-Api-Token: …"></textarea>
    <div class="grid3">
      <div><label for="wh-rate">Rate limit (per second)</label><input id="wh-rate" name="rate" type="number" min="1" max="10000" placeholder="no limit"></div>
      <div><label for="wh-concurrency">Max in flight</label><input id="wh-concurrency" name="concurrency" type="number" min="1" max="1000" placeholder="no limit"></div>
      <div><label for="wh-timeout">Timeout (seconds)</label><input id="wh-timeout" name="timeout" type="number" min="1" max="30" placeholder="30"></div>
    </div>
    <label for="wh-legacy">Legacy signature header <span class="hint">(optional, for receivers written for GitHub-style <code>sha256=&lt;hex HMAC of the body&gt;</code>; the standard headers are sent too and are safer)</span></label>
    <input id="wh-legacy" name="legacy" type="text" placeholder="X-Clockhook-Signature" autocomplete="off" spellcheck="false">
    <label class="check"><input id="wh-ordered" name="ordered" type="checkbox"> Deliver in order (one at a time)</label>
    <label class="check" id="wh-enabled-row"><input id="wh-enabled" name="enabled" type="checkbox" checked> Enabled</label>
    <p class="error" id="wh-error" role="alert"></p>
    <div class="dialog-actions"><button type="button" data-close>Cancel</button><button type="submit" class="primary" id="wh-submit">Save webhook</button></div>
  </form>
</dialog>

<dialog id="dlg-delivery" aria-labelledby="dlg-delivery-title" class="wide">
  <div class="stacked">
    <h2 id="dlg-delivery-title">Delivery</h2>
    <dl id="delivery-summary" class="summary"></dl>
    <h3>Attempts</h3>
    <div id="delivery-attempts"></div>
    <h3>Payload</h3>
    <pre id="delivery-payload" class="code"></pre>
    <div class="dialog-actions"><button type="button" id="delivery-resend">Resend</button><button type="button" data-close class="primary">Close</button></div>
  </div>
</dialog>
<script type="module" src="/console/console.js"></script>
</body>
</html>`

export const CONSOLE_CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #f4f6f8; line-height: 1.4; }
* { box-sizing: border-box; }
body { margin: 0; min-width: 0; }
a { color: #0b5cad; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
.skip:focus { left: .5rem; }
.no-admin .admin-only { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
header.top { display: flex; gap: 1rem; align-items: center; padding: .6rem 1.25rem; background: #16324f; color: #fff; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.15rem; flex: 1; }
.who { font-size: .85rem; opacity: .9; overflow-wrap: anywhere; }
main { padding: 1rem 1.25rem 3rem; max-width: 1180px; margin: 0 auto; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 0; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.tabs { display: flex; gap: .25rem; flex-wrap: wrap; border-bottom: 2px solid #d5dbe1; margin-bottom: 1rem; }
.tabs a { padding: .5rem .8rem; text-decoration: none; color: #33404d; border-radius: 6px 6px 0 0; }
.tabs a[aria-current=page] { background: #16324f; color: #fff; }
.card { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1.25rem; }
.card.narrow { max-width: 30rem; margin: 2rem auto; }
.card-head { display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; margin-bottom: .75rem; }
.card-head h2 { flex: 1; }
button, .button { font: inherit; font-size: .9rem; padding: .4rem .85rem; border: 1px solid #7d8a97; border-radius: 6px; background: #fff; color: #1b1f24; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: .35rem; min-height: 2.25rem; }
button:hover, .button:hover { background: #eef2f6; }
button.primary, .button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
button.primary:hover, .button.primary:hover { background: #094a8c; }
button.danger { background: #b42318; border-color: #b42318; color: #fff; }
button:disabled { opacity: .5; cursor: not-allowed; }
button.icon { padding: .3rem .45rem; }
button svg { width: 1.1rem; height: 1.1rem; }
header button { background: transparent; color: #fff; border-color: #9fb3c8; }
header button:hover { background: #24476b; }
form.stacked, div.stacked { display: flex; flex-direction: column; gap: .4rem; }
form.stacked > label, div.stacked > label { font-weight: 600; font-size: .9rem; margin-top: .4rem; }
label.check { display: flex; gap: .5rem; align-items: center; font-weight: normal !important; }
.inline-form { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; }
.inline-form label, .filters label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
.filters { display: flex; gap: .75rem; flex-wrap: wrap; margin-bottom: .75rem; }
input, select, textarea { font: inherit; font-size: .95rem; padding: .4rem .5rem; border: 1px solid #7d8a97; border-radius: 6px; max-width: 100%; background: #fff; }
input[type=checkbox] { width: 1.1rem; height: 1.1rem; }
fieldset { border: 1px solid #d5dbe1; border-radius: 6px; display: flex; flex-wrap: wrap; gap: .35rem 1rem; margin: .4rem 0; }
fieldset legend { font-weight: 600; font-size: .9rem; }
fieldset label { display: flex; gap: .4rem; align-items: center; font-size: .9rem; }
.grid3 { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .75rem; }
.grid3 label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .2rem; }
.grid3 input { width: 100%; }
table.list { width: 100%; border-collapse: collapse; background: #fff; }
table.list th, table.list td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #e3e7eb; font-size: .9rem; vertical-align: top; overflow-wrap: anywhere; }
table.list th { font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; color: #4b5867; }
td.actions { white-space: nowrap; text-align: right; overflow-wrap: normal; }
td.actions button { margin-left: .25rem; }
table.list button { padding: .2rem .55rem; min-height: 2rem; font-size: .85rem; }
table.list code { white-space: nowrap; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .78rem; font-weight: 700; letter-spacing: .02em; background: #e3e7eb; color: #33404d; white-space: nowrap; }
.badge.ok { background: #dff3e4; color: #116329; }
.badge.bad { background: #fde2df; color: #a0271c; }
.badge.warn { background: #fff1c2; color: #7a5200; }
.badge.muted { background: #eceff2; color: #4b5867; }
.badge.test { background: #e6e0fa; color: #4a2ea0; }
.hint { color: #56636f; font-size: .85rem; margin: .2rem 0; }
.error { color: #b42318; }
.notice { background: #fff7d6; border: 1px solid #e0c25c; padding: .6rem .8rem; border-radius: 6px; }
p.actions, div.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.webhook-list { display: flex; flex-direction: column; gap: .9rem; }
.webhook { border: 1px solid #d5dbe1; border-radius: 8px; padding: .8rem .9rem; }
.webhook-head { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.webhook-head h3 { margin: 0; flex: 1; font-size: 1.05rem; overflow-wrap: anywhere; }
.webhook-body { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 1rem; margin-top: .5rem; }
.webhook dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem .75rem; margin: 0; font-size: .9rem; }
.webhook dt { color: #56636f; }
.webhook dd { margin: 0; overflow-wrap: anywhere; }
.secret-row { display: flex; gap: .35rem; align-items: center; flex-wrap: wrap; }
.secret-row input { flex: 1; min-width: 10rem; font-family: ui-monospace, monospace; font-size: .85rem; }
.secret-row code { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: .85rem; }
.webhook .secret-row { flex-wrap: nowrap; }
#recover-form { margin-top: 1rem; }
.webhook .actions { margin-top: .75rem; align-items: center; }
.result { font-size: .85rem; font-weight: 600; }
.result.ok { color: #116329; } .result.bad { color: #a0271c; }
#page-integration { counter-reset: section; }
#page-integration > .card .card-head h2::before { counter-increment: section; content: counter(section) ". "; }
.chart { margin: 0; }
#page-settings form.stacked > input, #page-settings form.stacked > select { max-width: 34rem; }
.chart svg { width: 100%; height: 70px; display: block; }
.chart figcaption { font-size: .8rem; color: #56636f; }
.toggle { display: inline-flex; align-items: center; gap: .4rem; font-size: .9rem; }
.toasts { position: fixed; right: 1rem; bottom: 1rem; display: flex; flex-direction: column; gap: .5rem; z-index: 20; max-width: min(28rem, calc(100vw - 2rem)); }
.toast { background: #fff; border: 1px solid #d5dbe1; border-left: 6px solid #116329; border-radius: 6px; padding: .6rem .8rem; box-shadow: 0 4px 14px rgba(0,0,0,.12); font-size: .9rem; }
.toast.error { border-left-color: #b42318; }
.toast.warn { border-left-color: #d49b00; }
.toast ul { margin: .3rem 0 0 1.1rem; padding: 0; }
.toast-head { display: flex; gap: .5rem; align-items: start; }
.toast-head strong { flex: 1; }
.toast button { min-height: 0; padding: 0 .4rem; }
dialog { border: none; border-radius: 10px; padding: 1.2rem 1.3rem; width: min(32rem, calc(100vw - 1.5rem)); max-height: calc(100vh - 2rem); overflow: auto; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
dialog.wide { width: min(46rem, calc(100vw - 1.5rem)); }
dialog::backdrop { background: rgba(15, 25, 35, .5); }
dialog h2 { margin-bottom: .3rem; }
.dialog-actions { display: flex; justify-content: flex-end; gap: .5rem; margin-top: 1rem; flex-wrap: wrap; }
#dlg-confirm.danger-zone h2 { color: #a0271c; }
.warning-box { background: #fde2df; border: 1px solid #e8a59e; color: #7a1d14; padding: .6rem .8rem; border-radius: 6px; }
pre.code { background: #f4f6f8; border: 1px solid #e3e7eb; border-radius: 6px; padding: .6rem; font-size: .8rem; overflow: auto; max-height: 16rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0; }
details summary { cursor: pointer; }
.summary { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem .8rem; font-size: .9rem; margin: 0; }
.summary dd { margin: 0; overflow-wrap: anywhere; }
.attempt { border: 1px solid #e3e7eb; border-radius: 6px; padding: .5rem .6rem; margin-bottom: .5rem; }
.event-type { margin-bottom: .8rem; }
@media (max-width: 760px) {
  main { padding: .75rem .75rem 3rem; }
  header.top { padding: .5rem .75rem; }
  .webhook-body { grid-template-columns: minmax(0, 1fr); }
  .grid3 { grid-template-columns: minmax(0, 1fr); }
  table.list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.list, table.list tbody, table.list tr, table.list td { display: block; width: 100%; }
  table.list tr { border: 1px solid #e3e7eb; border-radius: 6px; margin-bottom: .6rem; padding: .3rem .2rem; background: #fff; }
  table.list td { border: none; padding: .2rem .5rem; display: grid; grid-template-columns: 7.5rem minmax(0, 1fr); gap: .5rem; }
  table.list td::before { content: attr(data-label); font-weight: 600; color: #56636f; font-size: .8rem; }
  table.list td > * { justify-self: start; }
  table.list code { white-space: normal; }
  table.list td.actions { text-align: left; white-space: normal; display: flex; flex-wrap: wrap; gap: .35rem; }
  table.list td.actions::before { content: none; }
  td.actions button { margin-left: 0; }
  .tabs a { padding: .4rem .55rem; font-size: .9rem; }
}
`
