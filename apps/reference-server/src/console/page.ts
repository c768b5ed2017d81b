/** The console's one HTML page; all data comes from the JSON API, rendered as text nodes. */
export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clockhook console</title>
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<header><h1>Clockhook</h1><span id="who"></span><button id="sign-out" hidden>Sign out</button></header>
<main>
  <section id="sign-in">
    <h2>Sign in</h2>
    <form id="sign-in-form">
      <label>API key <input id="api-key" type="password" autocomplete="off" required placeholder="ck_…"></label>
      <button type="submit">Sign in</button>
    </form>
    <p class="error" id="sign-in-error" role="alert"></p>
  </section>
  <div id="app" hidden>
    <nav>
      <button data-tab="webhooks" class="active">Webhooks</button>
      <button data-tab="workers">Workers</button>
      <button data-tab="events">Events</button>
      <button data-tab="audit">Audit log</button>
    </nav>
    <section id="tab-webhooks" class="tab">
      <h2>Webhooks</h2>
      <form id="webhook-form">
        <label>Name <input name="name" required maxlength="200"></label>
        <label>URL <input name="url" type="url" required placeholder="https://example.com/webhooks"></label>
        <fieldset id="event-choices"><legend>Events</legend></fieldset>
        <label>Payload version <select name="version"><option value="">tenant default</option><option value="1">1</option><option value="2">2</option></select></label>
        <button type="submit">Add webhook</button>
      </form>
      <div id="secret-box" class="notice" hidden>
        <strong>Signing secret — shown once, copy it now:</strong> <code id="secret-value"></code>
      </div>
      <p class="error" id="webhook-error" role="alert"></p>
      <table id="webhooks"><thead><tr><th>Name</th><th>URL</th><th>Events</th><th>Status</th><th></th></tr></thead><tbody></tbody></table>
      <div id="deliveries-panel" hidden>
        <h3>Deliveries of <span id="deliveries-of"></span></h3>
        <table id="deliveries"><thead><tr><th>Event</th><th>Status</th><th>Attempts</th><th>HTTP</th><th>Error</th><th>Created</th><th></th></tr></thead><tbody></tbody></table>
      </div>
      <p id="test-result" role="status"></p>
    </section>
    <section id="tab-workers" class="tab" hidden>
      <h2>Workers</h2>
      <form id="worker-form"><label>Name <input name="name" required maxlength="200"></label><button type="submit">Add worker</button></form>
      <p class="error" id="worker-error" role="alert"></p>
      <table id="workers"><thead><tr><th>Name</th><th>Id</th><th></th></tr></thead><tbody></tbody></table>
    </section>
    <section id="tab-events" class="tab" hidden>
      <h2>Events</h2>
      <table id="events"><thead><tr><th>Type</th><th>Time</th><th>Data</th></tr></thead><tbody></tbody></table>
    </section>
    <section id="tab-audit" class="tab" hidden>
      <h2>Audit log</h2>
      <table id="audit"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Target</th></tr></thead><tbody></tbody></table>
    </section>
  </div>
</main>
<script type="module" src="/console/console.js"></script>
</body>
</html>`

export const CONSOLE_CSS = `
:root { font-family: system-ui, sans-serif; color: #1b1f24; background: #f6f7f9; }
body { margin: 0; }
header { display: flex; gap: 1rem; align-items: center; padding: .75rem 1.5rem; background: #16324f; color: #fff; }
header h1 { font-size: 1.2rem; margin: 0; flex: 1; }
main { padding: 1rem 1.5rem; max-width: 1100px; }
nav { display: flex; gap: .5rem; margin-bottom: 1rem; }
nav button.active { background: #16324f; color: #fff; }
button { padding: .35rem .8rem; border: 1px solid #8a96a3; border-radius: 4px; background: #fff; cursor: pointer; }
form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
input, select { padding: .35rem; border: 1px solid #8a96a3; border-radius: 4px; min-width: 14rem; }
fieldset { border: 1px solid #c9d1d9; border-radius: 4px; font-size: .85rem; }
table { width: 100%; border-collapse: collapse; background: #fff; margin-bottom: 1rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #e3e7eb; font-size: .9rem; vertical-align: top; }
code { word-break: break-all; }
.notice { background: #fff7d6; border: 1px solid #e0c25c; padding: .6rem; border-radius: 4px; margin-bottom: 1rem; }
.error { color: #b42318; }
.status-succeeded { color: #116329; } .status-failed { color: #b42318; } .status-retrying { color: #9a6700; }
`
