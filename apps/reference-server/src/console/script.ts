/** The console's browser code (plain JavaScript, no build step): it only calls the JSON API. */
export const CONSOLE_JS = `
const state = {
  key: sessionStorage.getItem('clockhook.key'),
  portal: sessionStorage.getItem('clockhook.portal') === '1',
  admin: false,
  settings: null,
  webhooks: [],
  catalog: [],
  secrets: new Map(),
  lastDeliveries: [],
}
const $ = (id) => document.getElementById(id)
const SCOPES = ['workers:read', 'workers:write', 'time:read', 'time:write', 'events:read', 'webhooks:read', 'webhooks:write', 'admin']

// A partner portal link carries its token in the fragment: keep it for this tab, drop it from the address bar.
if (location.hash.indexOf('#portal=') === 0) {
  state.key = decodeURIComponent(location.hash.slice('#portal='.length))
  state.portal = true
  sessionStorage.setItem('clockhook.key', state.key)
  sessionStorage.setItem('clockhook.portal', '1')
  history.replaceState(null, '', location.pathname + '#integration')
}

class ApiError extends Error {
  constructor(status, body) {
    const error = body && body.error ? body.error : { code: 'http_' + status, message: 'the server answered HTTP ' + status }
    super(error.message)
    this.status = status
    this.code = error.code
    this.details = Array.isArray(error.details) ? error.details : []
  }
}

async function api(method, path, body) {
  let res
  try {
    res = await fetch(path, {
      method,
      headers: Object.assign({ authorization: 'Bearer ' + state.key }, body !== undefined ? { 'content-type': 'application/json' } : {}),
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
  } catch (err) {
    throw new Error('The server cannot be reached. Check your connection and try again.')
  }
  const text = await res.text()
  let data = null
  try { data = text ? JSON.parse(text) : null } catch { data = null }
  if (!res.ok) throw new ApiError(res.status, data)
  return data
}

/** An element with attributes, properties and children (strings become text nodes, never HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'class') node.className = value
    else if (name.indexOf('on') === 0) node.addEventListener(name.slice(2), value)
    else if (name === 'dataset') Object.assign(node.dataset, value)
    else if (value === true) node.setAttribute(name, '')
    else node.setAttribute(name, String(value))
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
  return node
}
const svg = (tag, attrs) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v))
  return node
}
function icon(name) {
  const paths = {
    eye: 'M12 5C6.5 5 2.7 9.1 1.5 12c1.2 2.9 5 7 10.5 7s9.3-4.1 10.5-7C21.3 9.1 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
    eyeOff: 'M2.3 3.7l18 18 1.4-1.4-3.2-3.2C20.3 15.6 21.8 13.8 22.5 12 21.3 9.1 17.5 5 12 5c-1.6 0-3 .3-4.3.9L3.7 2.3 2.3 3.7zM12 7.5a4.5 4.5 0 0 1 4.2 6.1l-1.6-1.6A2 2 0 0 0 12 10h-.1L9.9 8a4.5 4.5 0 0 1 2.1-.5zM1.5 12c1.2 2.9 5 7 10.5 7 1.4 0 2.7-.3 3.9-.7l-2.3-2.3a4.5 4.5 0 0 1-5.6-5.6L5 7.4C3.3 8.7 2.1 10.5 1.5 12z',
    copy: 'M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z',
  }
  const s = svg('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' })
  s.append(svg('path', { d: paths[name], fill: 'currentColor' }))
  return s
}

function fmtTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })
}
const percent = (rate) => (Math.round(rate * 1000) / 10) + ' %'

// ---- notifications -------------------------------------------------------------------
function notify(kind, title, lines) {
  const close = el('button', { type: 'button', 'aria-label': 'Dismiss notification' }, '×')
  const box = el('div', { class: 'toast ' + kind, role: kind === 'error' ? 'alert' : 'status' },
    el('div', { class: 'toast-head' }, el('strong', {}, title), close),
    lines && lines.length ? el('ul', {}, lines.map((l) => el('li', {}, l))) : null)
  close.addEventListener('click', () => box.remove())
  $('toasts').append(box)
  if (kind !== 'error') setTimeout(() => box.remove(), 7000)
  return box
}
function detailLines(err) {
  return (err.details || []).map((d) => (d && d.path ? d.path + ': ' + d.message : d && d.message ? d.message : JSON.stringify(d)))
}
function showError(err, what) {
  const title = (what ? what + ' — ' : '') + capital(err.message || String(err))
  notify('error', title, err instanceof ApiError ? detailLines(err) : [])
}
const capital = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s)

async function copyText(text, feedback) {
  try {
    await navigator.clipboard.writeText(text)
    if (feedback) feedback('Copied to the clipboard.')
    else notify('ok', 'Copied to the clipboard.')
  } catch {
    notify('warn', 'Copying is blocked in this browser: select the text and press Ctrl+C (⌘C).')
  }
}

// ---- dialogs -------------------------------------------------------------------------
for (const closer of document.querySelectorAll('dialog [data-close]'))
  closer.addEventListener('click', () => closer.closest('dialog').close())

function confirmDialog(options) {
  const dlg = $('dlg-confirm')
  $('dlg-confirm-title').textContent = options.title
  const text = $('dlg-confirm-text')
  text.textContent = options.text
  text.className = options.warning ? 'warning-box' : ''
  dlg.classList.toggle('danger-zone', Boolean(options.warning))
  const ok = $('dlg-confirm-ok')
  ok.textContent = options.ok
  const typed = $('dlg-confirm-typed')
  const input = $('dlg-confirm-input')
  typed.hidden = !options.word
  input.value = ''
  $('dlg-confirm-word').textContent = options.word || ''
  ok.disabled = Boolean(options.word)
  input.oninput = () => { ok.disabled = input.value !== options.word }
  return new Promise((resolve) => {
    const form = $('confirm-form')
    const done = (value) => { form.onsubmit = null; dlg.onclose = null; resolve(value) }
    form.onsubmit = (e) => { e.preventDefault(); if (ok.disabled) return; dlg.close(); done(true) }
    dlg.onclose = () => done(false)
    dlg.showModal()
    if (options.word) input.focus()
  })
}

function showSecret(title, text, value, doneLabel) {
  const dlg = $('dlg-secret')
  $('dlg-secret-title').textContent = title
  $('dlg-secret-text').textContent = text
  $('dlg-secret-value').value = value
  $('dlg-secret-copied').textContent = ''
  $('dlg-secret-done').textContent = doneLabel
  dlg.showModal()
  $('dlg-secret-value').select()
}
$('dlg-secret-copy').addEventListener('click', () => copyText($('dlg-secret-value').value, (m) => { $('dlg-secret-copied').textContent = m }))
$('dlg-secret-done').addEventListener('click', () => { $('dlg-secret-value').value = ''; $('dlg-secret').close() })
// the one-time secret is closed by its button, not by Escape
$('dlg-secret').addEventListener('cancel', (e) => e.preventDefault())

// ---- sign in and pages ---------------------------------------------------------------
const loaders = {
  integration: loadIntegration,
  settings: loadSettings,
  audit: loadAudit,
  'event-types': loadEventTypes,
  events: loadEvents,
  workers: loadWorkers,
}

function pageFromHash() {
  const name = location.hash.slice(1)
  if (!loaders[name]) return 'integration'
  if (!state.admin && ['settings', 'audit', 'events', 'workers'].indexOf(name) >= 0) return 'integration'
  return name
}

async function showPage(name) {
  for (const a of document.querySelectorAll('.tabs a')) {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  for (const s of document.querySelectorAll('.page')) s.hidden = s.id !== 'page-' + name
  try {
    await loaders[name]()
  } catch (err) {
    showError(err, 'Could not load the page')
  }
}
window.addEventListener('hashchange', () => {
  if (!$('app').hidden) showPage(pageFromHash())
})

function forgetKey() {
  sessionStorage.removeItem('clockhook.key')
  sessionStorage.removeItem('clockhook.portal')
  state.key = null
  state.portal = false
}

async function start() {
  try {
    await api('GET', '/v1/webhooks?limit=1')
  } catch (err) {
    forgetKey()
    $('sign-in-error').textContent = err.status === 403
      ? 'This key cannot read webhooks: sign in with an admin key.'
      : capital(err.message)
    return
  }
  state.admin = false
  if (!state.portal) {
    try {
      state.settings = await api('GET', '/v1/settings')
      state.admin = true
    } catch (err) {
      if (err.status !== 403) throw err
    }
  }
  document.body.classList.toggle('no-admin', !state.admin)
  $('sign-in').hidden = true
  $('app').hidden = false
  $('sign-out').hidden = false
  $('who').textContent = state.portal
    ? 'Partner portal'
    : (state.settings ? state.settings.name + ' · ' : '') + 'key ' + state.key.slice(0, 11) + '…'
  $('portal-banner').hidden = !state.portal
  $('portal-banner').textContent = 'You are signed in with a partner portal link: you can manage only the webhooks shared with you, until the link expires.'
  try {
    state.catalog = (await api('GET', '/v1/event-types')).data
  } catch {
    state.catalog = []
  }
  await showPage(pageFromHash())
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault()
  state.key = $('api-key').value.trim()
  state.portal = state.key.indexOf('ckp_') === 0
  sessionStorage.setItem('clockhook.key', state.key)
  sessionStorage.setItem('clockhook.portal', state.portal ? '1' : '0')
  $('api-key').value = ''
  $('sign-in-error').textContent = ''
  start().catch((err) => showError(err))
})
$('sign-out').addEventListener('click', () => {
  forgetKey()
  location.hash = ''
  location.reload()
})

// ---- integration settings ------------------------------------------------------------
async function loadIntegration() {
  await Promise.all([state.admin ? loadKeys() : null, loadWebhooks()])
  await loadDeliveries()
}

function td(label, ...children) {
  return el('td', { 'data-label': label }, ...children)
}
function fill(tableId, rows, render) {
  const body = $(tableId).querySelector('tbody')
  body.replaceChildren(...rows.map(render))
}

async function loadKeys() {
  const { data } = await api('GET', '/v1/api-keys?include_revoked=true&limit=200')
  const active = data.filter((k) => !k.revoked_at)
  const badge = $('keys-badge')
  badge.textContent = active.length ? active.length + ' active' : 'Not configured'
  badge.className = 'badge ' + (active.length ? 'ok' : 'muted')
  fill('keys', data, (k) => el('tr', { dataset: { id: k.id } },
    td('Name', k.name),
    td('Prefix', el('code', {}, k.prefix + '…')),
    td('Scopes', k.scopes.join(', ')),
    td('Created', fmtTime(k.created_at)),
    td('Last used', k.last_used_at ? fmtTime(k.last_used_at) : 'Never'),
    td('Status', k.revoked_at
      ? el('span', { class: 'badge bad', title: 'Revoked ' + fmtTime(k.revoked_at) }, 'Revoked')
      : el('span', { class: 'badge ok' }, 'Active')),
    el('td', { class: 'actions' }, k.revoked_at ? null : [
      el('button', { type: 'button', onclick: () => renameKey(k) }, 'Rename'),
      el('button', { type: 'button', onclick: () => regenerateKey(k) }, 'Regenerate'),
      el('button', { type: 'button', onclick: () => revokeKey(k) }, 'Revoke'),
    ]),
  ))
}

$('key-scopes').append(...SCOPES.map((s) => el('label', {}, el('input', { type: 'checkbox', name: 'scope', value: s }), s)))
$('generate-key').addEventListener('click', () => {
  $('key-create-form').reset()
  $('dlg-key-create').showModal()
})
$('key-create-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  const scopes = [...document.querySelectorAll('#key-scopes input:checked')].map((i) => i.value)
  try {
    const created = await api('POST', '/v1/api-keys', { name: $('key-name').value, scopes })
    $('dlg-key-create').close()
    showSecret('Your new API key', 'Copy this key now and store it somewhere safe: it is shown only this once.', created.key, "I've saved my key")
    await loadKeys()
  } catch (err) {
    showError(err, 'The key was not created')
  }
})

function renameKey(k) {
  const dlg = $('dlg-rename')
  $('rename-value').value = k.name
  $('rename-form').onsubmit = async (e) => {
    e.preventDefault()
    try {
      await api('PATCH', '/v1/api-keys/' + k.id, { name: $('rename-value').value })
      dlg.close()
      notify('ok', 'Key renamed.')
      await loadKeys()
    } catch (err) { showError(err, 'The key was not renamed') }
  }
  dlg.showModal()
}

async function revokeKey(k) {
  const yes = await confirmDialog({ title: 'Revoke "' + k.name + '"?', text: 'Every request with this key is refused from now on. This cannot be undone.', ok: 'Revoke key' })
  if (!yes) return
  try {
    await api('DELETE', '/v1/api-keys/' + k.id)
    notify('ok', 'Key "' + k.name + '" revoked.')
    await loadKeys()
  } catch (err) { showError(err, 'The key was not revoked') }
}

async function regenerateKey(k) {
  const yes = await confirmDialog({
    title: 'Regenerate "' + k.name + '"?',
    text: 'The current key stops working at once. Every system that uses it is refused until you give it the new key.',
    ok: 'Regenerate key',
    word: 'REGENERATE',
    warning: true,
  })
  if (!yes) return
  try {
    const r = await api('POST', '/v1/api-keys/' + k.id + '/regenerate')
    showSecret('Your regenerated API key', 'The old key no longer works. Copy the new one now: it is shown only this once.', r.key, "I've saved my key")
    if (k.prefix === state.key.slice(0, k.prefix.length) && !state.portal) {
      state.key = r.key
      sessionStorage.setItem('clockhook.key', r.key)
    }
    await loadKeys()
  } catch (err) { showError(err, 'The key was not regenerated') }
}

// webhooks
function statusBadge(w) {
  if (w.status === 'active') return el('span', { class: 'badge ok' }, 'Active')
  if (w.status === 'failing') return el('span', { class: 'badge bad', title: w.disabled_reason ? 'Disabled automatically: ' + w.disabled_reason : 'Every attempt has failed since ' + fmtTime(w.failing_since) }, w.enabled ? 'Failing' : 'Failing · disabled')
  return el('span', { class: 'badge muted' }, 'Disabled')
}
function versionText(v) {
  const fallback = state.settings ? state.settings.effective_version : null
  return v ? 'Version ' + v : 'Tenant default' + (fallback ? ' (version ' + fallback + ')' : '')
}

async function loadWebhooks() {
  const { data } = await api('GET', '/v1/webhooks?limit=200')
  state.webhooks = data
  $('webhooks-empty').hidden = data.length > 0
  const list = $('webhook-list')
  list.replaceChildren(...data.map(renderWebhook))
  const current = $('deliveries-webhook').value
  $('deliveries-webhook').replaceChildren(el('option', { value: '' }, 'All webhooks'), ...data.map((w) => el('option', { value: w.id }, w.name)))
  $('deliveries-webhook').value = data.some((w) => w.id === current) ? current : ''
  $('recover-webhook').replaceChildren(...data.map((w) => el('option', { value: w.id }, w.name)))
  await Promise.all(data.map((w) => drawChart(w).catch(() => {})))
}

function renderWebhook(w) {
  const result = el('span', { class: 'result', role: 'status', id: 'test-result-' + w.id })
  const secretText = el('code', { id: 'secret-' + w.id }, 'whsec_' + '•'.repeat(12))
  const eye = el('button', { type: 'button', class: 'icon', 'aria-label': 'Reveal the signing secret of ' + w.name, 'aria-pressed': 'false' }, icon('eye'))
  eye.addEventListener('click', () => toggleSecret(w, eye, secretText))
  const copy = el('button', { type: 'button', class: 'icon', 'aria-label': 'Copy the signing secret of ' + w.name }, icon('copy'))
  copy.addEventListener('click', async () => {
    try { await copyText(await secretOf(w)) } catch (err) { showError(err, 'The secret could not be read') }
  })
  const toggle = el('input', { type: 'checkbox', checked: w.enabled, 'aria-label': 'Enabled' })
  toggle.addEventListener('change', () => setEnabled(w, toggle))
  const tuning = [
    w.ordered ? 'in order' : null,
    w.rate_limit_per_second ? w.rate_limit_per_second + '/s' : null,
    w.max_concurrency ? 'max ' + w.max_concurrency + ' in flight' : null,
    'timeout ' + (w.timeout_seconds || 30) + ' s',
  ].filter(Boolean).join(' · ')
  const headerNames = Object.keys(w.headers || {})
  return el('article', { class: 'webhook', dataset: { id: w.id }, 'aria-labelledby': 'wh-title-' + w.id },
    el('div', { class: 'webhook-head' },
      el('h3', { id: 'wh-title-' + w.id }, w.name),
      statusBadge(w),
      el('label', { class: 'toggle' }, toggle, 'Enabled')),
    el('div', { class: 'webhook-body' },
      el('dl', {},
        el('dt', {}, 'URL'), el('dd', {}, w.url),
        el('dt', {}, 'Events'), el('dd', {}, w.events.join(', ')),
        el('dt', {}, 'Payload'), el('dd', {}, versionText(w.version)),
        el('dt', {}, 'Error rate'), el('dd', { class: 'error-rate' }, percent(w.error_rate) + ' (24 h)'),
        el('dt', {}, 'Delivery'), el('dd', {}, tuning),
        headerNames.length ? [el('dt', {}, 'Headers'), el('dd', {}, headerNames.join(', '))] : null,
        state.portal || state.admin ? [el('dt', {}, 'Secret'), el('dd', {}, el('div', { class: 'secret-row' }, secretText, eye, copy))] : null),
      el('figure', { class: 'chart', id: 'chart-' + w.id }, el('figcaption', {}, 'Last 24 h'))),
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openWebhookForm(w) }, 'Edit'),
      el('button', { type: 'button', class: 'send-test', onclick: () => sendTest(w, result) }, 'Send test webhook'),
      result,
      state.portal || state.admin ? el('button', { type: 'button', onclick: () => rotateSecret(w) }, 'Rotate secret') : null,
      el('button', { type: 'button', onclick: () => deleteWebhook(w) }, 'Delete')))
}

async function secretOf(w) {
  if (!state.secrets.has(w.id)) state.secrets.set(w.id, (await api('GET', '/v1/webhooks/' + w.id + '/secret')).secret)
  return state.secrets.get(w.id)
}
async function toggleSecret(w, eye, text) {
  const shown = eye.getAttribute('aria-pressed') === 'true'
  if (shown) {
    text.textContent = 'whsec_' + '•'.repeat(12)
    eye.setAttribute('aria-pressed', 'false')
    eye.replaceChildren(icon('eye'))
    return
  }
  try {
    text.textContent = await secretOf(w)
    eye.setAttribute('aria-pressed', 'true')
    eye.replaceChildren(icon('eyeOff'))
  } catch (err) { showError(err, 'The secret could not be revealed') }
}

async function setEnabled(w, toggle) {
  try {
    await api('PATCH', '/v1/webhooks/' + w.id, { enabled: toggle.checked })
    notify('ok', '"' + w.name + '" ' + (toggle.checked ? 'enabled' : 'disabled') + '.')
    await loadWebhooks()
  } catch (err) {
    toggle.checked = !toggle.checked
    showError(err, 'The webhook was not ' + (toggle.checked ? 'disabled' : 'enabled'))
  }
}

async function sendTest(w, result) {
  result.className = 'result'
  result.textContent = 'Sending…'
  try {
    const r = await api('POST', '/v1/webhooks/' + w.id + '/test')
    const a = r.attempt
    const ok = r.delivery.status === 'succeeded'
    result.className = 'result ' + (ok ? 'ok' : 'bad')
    result.textContent = (a && a.http_status ? 'HTTP ' + a.http_status : 'No answer') + (ok ? ' — delivered' : ' — failed' + (a && a.error_message ? ': ' + a.error_message : ''))
    loadDeliveries().catch(() => {})
  } catch (err) {
    result.className = 'result bad'
    result.textContent = capital(err.message)
  }
}

function rotateSecret(w) {
  const dlg = $('dlg-rotate')
  $('rotate-form').onsubmit = async (e) => {
    e.preventDefault()
    const grace = Number($('rotate-grace').value)
    try {
      const r = await api('POST', '/v1/webhooks/' + w.id + '/rotate-secret', { grace_period_seconds: grace })
      dlg.close()
      state.secrets.delete(w.id)
      showSecret('New signing secret for "' + w.name + '"', grace ? 'Give it to your receiver now: the old secret keeps signing for ' + $('rotate-grace').selectedOptions[0].textContent + '.' : 'The old secret no longer signs. Give this one to your receiver now.', r.secret, 'Done')
      await loadWebhooks()
    } catch (err) { showError(err, 'The secret was not rotated') }
  }
  dlg.showModal()
}

async function deleteWebhook(w) {
  const yes = await confirmDialog({ title: 'Delete "' + w.name + '"?', text: 'Nothing more is sent to ' + w.url + ', and its delivery log is deleted.', ok: 'Delete webhook' })
  if (!yes) return
  try {
    await api('DELETE', '/v1/webhooks/' + w.id)
    notify('ok', 'Webhook "' + w.name + '" deleted.')
    await loadWebhooks()
    await loadDeliveries()
  } catch (err) { showError(err, 'The webhook was not deleted') }
}

async function drawChart(w) {
  const { data } = await api('GET', '/v1/webhooks/' + w.id + '/deliveries?limit=200')
  const hour = 3600000
  const end = Math.ceil(Date.now() / hour) * hour
  const ok = new Array(24).fill(0)
  const bad = new Array(24).fill(0)
  for (const d of data) {
    const i = 23 - Math.floor((end - Date.parse(d.created_at)) / hour)
    if (i < 0 || i > 23) continue
    if (d.status === 'succeeded') ok[i]++
    else if (d.status === 'failed' || d.status === 'retrying') bad[i]++
  }
  const max = Math.max(1, ...ok.map((v, i) => v + bad[i]))
  const sumOk = ok.reduce((a, b) => a + b, 0)
  const sumBad = bad.reduce((a, b) => a + b, 0)
  const chart = svg('svg', { viewBox: '0 0 240 70', role: 'img', 'aria-label': 'Last 24 hours: ' + sumOk + ' delivered, ' + sumBad + ' failed' })
  chart.append(svg('line', { x1: 0, y1: 69.5, x2: 240, y2: 69.5, stroke: '#c9d1d9' }))
  for (let i = 0; i < 24; i++) {
    const hOk = (ok[i] / max) * 66
    const hBad = (bad[i] / max) * 66
    if (hOk) chart.append(svg('rect', { x: i * 10 + 1, y: 69 - hOk, width: 8, height: hOk, fill: '#2da44e' }))
    if (hBad) chart.append(svg('rect', { x: i * 10 + 1, y: 69 - hOk - hBad, width: 8, height: hBad, fill: '#cf222e' }))
  }
  const figure = $('chart-' + w.id)
  if (!figure) return
  figure.replaceChildren(chart, el('figcaption', {}, 'Last 24 h, per hour: ' + sumOk + ' delivered (green), ' + sumBad + ' failed (red)'))
}

// the webhook form
function eventChoices(selected) {
  const box = $('wh-events')
  const types = state.catalog.filter((t) => t.type !== 'webhook.test')
  // a wildcard subscription (* or clock.*) shows as the types it covers today
  const covers = (type) => selected.some((f) => f === type || f === '*' || (f.endsWith('.*') && type.indexOf(f.slice(0, -1)) === 0))
  box.replaceChildren(el('legend', {}, 'Events'), ...types.map((t) =>
    el('label', { title: t.description }, el('input', { type: 'checkbox', name: 'events', value: t.type, checked: covers(t.type) }), t.type)))
}
function versionOptions(select, current, defaultLabel) {
  select.replaceChildren(
    el('option', { value: '' }, defaultLabel),
    el('option', { value: '1' }, 'Version 1 (worker_id, worker_name)'),
    el('option', { value: '2' }, 'Version 2 (worker: { id, name })'))
  select.value = current ? String(current) : ''
}
function urlAdvice() {
  const v = $('wh-url').value.trim().toLowerCase()
  let text = ''
  if (v && v.indexOf('https://') !== 0 && v.indexOf('http://') !== 0) text = 'The URL must start with https:// (or http:// for testing).'
  else if (v.indexOf('http://') === 0)
    text = state.settings && state.settings.require_https
      ? 'This organisation requires https:// URLs.'
      : 'Payloads sent to an http:// URL travel unencrypted. Use https:// in production.'
  $('wh-url-advice').textContent = text
  $('wh-url-advice').className = text ? 'hint error' : 'hint'
}
$('wh-url').addEventListener('input', urlAdvice)

function openWebhookForm(w) {
  const dlg = $('dlg-webhook')
  const form = $('webhook-form')
  form.reset()
  $('wh-error').replaceChildren()
  $('dlg-webhook-title').textContent = w ? 'Edit "' + w.name + '"' : 'Add a webhook'
  $('wh-submit').textContent = w ? 'Save changes' : 'Create webhook'
  $('wh-name').value = w ? w.name : ''
  $('wh-url').value = w ? w.url : ''
  eventChoices(w ? w.events : [])
  const fallback = state.settings ? state.settings.effective_version : null
  versionOptions($('wh-version'), w ? w.version : null, 'Tenant default' + (fallback ? ' (currently version ' + fallback + ')' : ''))
  $('wh-headers').value = w ? Object.entries(w.headers || {}).map((h) => h[0] + ': ' + h[1]).join('\\n') : ''
  $('wh-rate').value = w && w.rate_limit_per_second ? w.rate_limit_per_second : ''
  $('wh-concurrency').value = w && w.max_concurrency ? w.max_concurrency : ''
  $('wh-timeout').value = w && w.timeout_seconds ? w.timeout_seconds : ''
  $('wh-legacy').value = w && w.legacy_signature_header ? w.legacy_signature_header : ''
  $('wh-ordered').checked = Boolean(w && w.ordered)
  $('wh-enabled-row').hidden = Boolean(w)
  urlAdvice()
  form.onsubmit = (e) => { e.preventDefault(); saveWebhook(w) }
  dlg.showModal()
}

function parseHeaders(text) {
  const headers = {}
  const problems = []
  text.split('\\n').forEach((line, i) => {
    if (!line.trim()) return
    const at = line.indexOf(':')
    if (at <= 0) problems.push({ path: 'headers', message: 'line ' + (i + 1) + ' is not "Name: value"' })
    else headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  })
  return { headers, problems }
}
const numberOrNull = (v) => (v === '' ? null : Number(v))

async function saveWebhook(w) {
  const { headers, problems } = parseHeaders($('wh-headers').value)
  const errorBox = $('wh-error')
  if (problems.length) {
    errorBox.replaceChildren('Check the custom headers: ', problems.map((p) => p.message).join('; '))
    return
  }
  const body = {
    name: $('wh-name').value.trim(),
    url: $('wh-url').value.trim(),
    events: [...document.querySelectorAll('#wh-events input:checked')].map((i) => i.value),
    version: numberOrNull($('wh-version').value),
    headers,
    ordered: $('wh-ordered').checked,
    rate_limit_per_second: numberOrNull($('wh-rate').value),
    max_concurrency: numberOrNull($('wh-concurrency').value),
    timeout_seconds: numberOrNull($('wh-timeout').value),
    legacy_signature_header: $('wh-legacy').value.trim() || null,
  }
  if (!w) body.enabled = $('wh-enabled').checked
  try {
    const saved = await api(w ? 'PATCH' : 'POST', w ? '/v1/webhooks/' + w.id : '/v1/webhooks', body)
    $('dlg-webhook').close()
    for (const warning of saved.warnings || []) notify('warn', warning)
    if (!w) showSecret('Signing secret for "' + saved.name + '"', 'Your receiver verifies every delivery with this secret. Copy it now; admins can reveal it later.', saved.secret, "I've saved the secret")
    else notify('ok', 'Webhook "' + saved.name + '" saved.')
    await loadWebhooks()
  } catch (err) {
    errorBox.replaceChildren(el('strong', {}, capital(err.message)), err instanceof ApiError && err.details.length ? el('ul', {}, detailLines(err).map((l) => el('li', {}, l))) : null)
    showError(err, w ? 'The webhook was not saved' : 'The webhook was not created')
  }
}
$('add-webhook').addEventListener('click', () => openWebhookForm(null))

// deliveries
const STATUS = {
  succeeded: ['SUCCESS', 'ok'],
  failed: ['FAILED', 'bad'],
  retrying: ['RETRYING', 'warn'],
  pending: ['PENDING', 'muted'],
}
async function loadDeliveries() {
  const only = $('deliveries-webhook').value
  const status = $('deliveries-status').value
  const hooks = state.webhooks.filter((w) => !only || w.id === only)
  const pages = await Promise.all(hooks.map((w) =>
    api('GET', '/v1/webhooks/' + w.id + '/deliveries?limit=50' + (status ? '&status=' + status : '')).then((p) => p.data.map((d) => Object.assign({ webhook: w }, d)))))
  const rows = pages.flat().sort((a, b) => (a.created_at < b.created_at ? 1 : -1)).slice(0, 50)
  state.lastDeliveries = rows
  $('deliveries-empty').hidden = rows.length > 0
  fill('deliveries', rows, (d) => {
    const s = STATUS[d.status]
    return el('tr', { dataset: { id: d.id }, title: d.last_error || undefined },
      td('Event', d.event_type, d.is_test ? [' ', el('span', { class: 'badge test' }, 'TEST')] : null),
      td('Webhook', d.webhook.name),
      td('Status', el('span', { class: 'badge ' + s[1], title: d.last_error || undefined }, s[0]),
        d.last_error ? el('div', { class: 'hint' }, d.last_error.length > 60 ? d.last_error.slice(0, 60) + '…' : d.last_error) : null),
      td('Time', fmtTime(d.created_at)),
      td('HTTP', d.last_http_status === null ? '—' : String(d.last_http_status)),
      td('Attempt', String(d.attempts)),
      td('Next retry', d.next_attempt_at ? fmtTime(d.next_attempt_at) : '—'),
      el('td', { class: 'actions' },
        el('button', { type: 'button', onclick: () => openDelivery(d.id) }, 'Details'),
        el('button', { type: 'button', onclick: () => resend(d.id) }, 'Resend')))
  })
}
$('refresh-deliveries').addEventListener('click', () => loadDeliveries().then(() => notify('ok', 'Deliveries refreshed.'), (err) => showError(err, 'Could not refresh')))
$('deliveries-webhook').addEventListener('change', () => loadDeliveries().catch((err) => showError(err)))
$('deliveries-status').addEventListener('change', () => loadDeliveries().catch((err) => showError(err)))

async function resend(id) {
  try {
    await api('POST', '/v1/deliveries/' + id + '/resend')
    notify('ok', 'Queued again with the same webhook-id. Refresh to see the outcome.')
  } catch (err) { showError(err, 'The delivery was not resent') }
}

async function openDelivery(id) {
  let d
  try { d = await api('GET', '/v1/deliveries/' + id) } catch (err) { showError(err, 'Could not open the delivery'); return }
  const w = state.webhooks.find((x) => x.id === d.webhook_id)
  const s = STATUS[d.status]
  $('dlg-delivery-title').textContent = d.event_type + (d.is_test ? ' (test)' : '')
  const pair = (k, v) => [el('dt', {}, k), el('dd', {}, v)]
  $('delivery-summary').replaceChildren(
    ...pair('Status', el('span', { class: 'badge ' + s[1] }, s[0])),
    ...pair('Webhook', w ? w.name : d.webhook_id),
    ...pair('webhook-id', el('code', {}, d.message_id)),
    ...pair('Created', fmtTime(d.created_at)),
    ...pair('Attempts', String(d.attempts)),
    ...pair('Next retry', d.next_attempt_at ? fmtTime(d.next_attempt_at) : '—'))
  $('delivery-attempts').replaceChildren(...(d.attempts_detail.length ? d.attempts_detail.map((a, i) => el('div', { class: 'attempt' },
    el('strong', {}, 'Attempt ' + (i + 1) + ' · ' + fmtTime(a.attempted_at) + ' · ' + (a.http_status ? 'HTTP ' + a.http_status : 'no answer') + ' · ' + a.duration_ms + ' ms · ' + a.trigger),
    a.error_message ? el('p', { class: 'error' }, a.error_message) : null,
    el('details', {}, el('summary', {}, 'Request'),
      el('pre', { class: 'code' }, Object.entries(a.request_headers).map((h) => h[0] + ': ' + h[1]).join('\\n') + '\\n\\n' + a.request_preview)),
    el('details', {}, el('summary', {}, 'Response'), el('pre', { class: 'code' }, a.response_preview || '(empty)')))) : [el('p', { class: 'hint' }, 'Not attempted yet.')]))
  $('delivery-payload').textContent = JSON.stringify(d.payload, null, 2)
  $('delivery-resend').onclick = () => resend(d.id)
  $('dlg-delivery').showModal()
}

$('recover-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  const id = $('recover-webhook').value
  const since = $('recover-since').value
  if (!id || !since) return
  try {
    const r = await api('POST', '/v1/webhooks/' + id + '/recover', { since: new Date(since).toISOString() })
    notify('ok', 'Recovery queued: ' + r.requeued + ' failed deliveries again, ' + r.created + ' missed events.')
    await loadDeliveries()
  } catch (err) { showError(err, 'Nothing was recovered') }
})

// ---- settings ------------------------------------------------------------------------
async function loadSettings() {
  const s = await api('GET', '/v1/settings')
  state.settings = s
  $('set-name').value = s.name
  versionOptions($('set-version'), s.default_version, 'Latest stable (currently version ' + s.latest_stable_version + ')')
  $('set-retention').value = s.retention_days
  $('set-https').checked = s.require_https
  const { data } = await api('GET', '/v1/webhooks?limit=200')
  state.webhooks = data
  $('portal-webhooks').replaceChildren(el('legend', {}, 'Webhooks the partner may manage (none ticked: all of them, and new ones)'),
    ...data.map((w) => el('label', {}, el('input', { type: 'checkbox', value: w.id }), w.name)))
}
$('settings-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  try {
    state.settings = await api('PATCH', '/v1/settings', {
      name: $('set-name').value.trim(),
      default_version: numberOrNull($('set-version').value),
      retention_days: Number($('set-retention').value),
      require_https: $('set-https').checked,
    })
    notify('ok', 'Settings saved.')
    $('who').textContent = state.settings.name + ' · key ' + state.key.slice(0, 11) + '…'
  } catch (err) { showError(err, 'The settings were not saved') }
})
$('portal-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  const ids = [...document.querySelectorAll('#portal-webhooks input:checked')].map((i) => i.value)
  try {
    const s = await api('POST', '/v1/portal-sessions', Object.assign({ expires_in: Number($('portal-expiry').value) }, ids.length ? { webhook_ids: ids } : {}))
    $('portal-url').value = s.url
    $('portal-expires').textContent = fmtTime(s.expires_at)
    $('portal-result').hidden = false
    notify('ok', 'Portal link created. Send it to your partner over a private channel.')
  } catch (err) { showError(err, 'The link was not created') }
})
$('copy-portal').addEventListener('click', () => copyText($('portal-url').value))

// ---- audit, catalog, events, workers ------------------------------------------------------
function actorText(a) {
  if (a.actor_name) return a.actor_name + ' (API key)'
  if (a.actor.indexOf('portal:') === 0) return 'Partner portal link'
  if (a.actor.indexOf('system') === 0) return 'System'
  return a.actor
}
function changesText(details) {
  if (details && details.changes) return Object.entries(details.changes).map((c) => c[0] + ': ' + JSON.stringify(c[1].from) + ' → ' + JSON.stringify(c[1].to)).join('; ')
  if (details && Array.isArray(details.changed)) return 'changed ' + details.changed.join(', ')
  const keys = Object.keys(details || {})
  return keys.length ? keys.map((k) => k + ': ' + JSON.stringify(details[k])).join('; ') : ''
}
async function loadAudit() {
  const { data } = await api('GET', '/v1/audit-log?limit=100')
  fill('audit', data, (a) => el('tr', {},
    td('When', fmtTime(a.created_at)),
    td('Who', actorText(a)),
    td('What', el('code', {}, a.action)),
    td('Target', el('code', {}, a.target)),
    td('Changes', changesText(a.details))))
}

async function loadEventTypes() {
  const { data } = await api('GET', '/v1/event-types')
  state.catalog = data
  $('event-types').replaceChildren(...data.map((t) => el('section', { class: 'card event-type', 'aria-labelledby': 'et-' + t.type },
    el('h2', { id: 'et-' + t.type }, el('code', {}, t.type)),
    el('p', {}, t.description),
    ...Object.entries(t.schemas).map((v) => el('details', {},
      el('summary', {}, 'Version ' + v[0] + ' — fields: ' + Object.keys(v[1].properties || {}).join(', ')),
      el('pre', { class: 'code' }, JSON.stringify(v[1], null, 2)))))))
}

async function loadEvents() {
  let after = ''
  let all = []
  for (let i = 0; i < 20; i++) {
    const page = await api('GET', '/v1/events?limit=500' + (after ? '&after=' + after : ''))
    all = all.concat(page.data).slice(-100)
    after = page.next_cursor
    if (!page.has_more) break
  }
  fill('events', all.reverse(), (e) => el('tr', {},
    td('Type', el('code', {}, e.type)),
    td('Time', fmtTime(e.timestamp)),
    td('Payload', el('details', {}, el('summary', {}, Object.keys(e.data).join(', ')), el('pre', { class: 'code' }, JSON.stringify(e.data, null, 2))))))
}
$('refresh-events').addEventListener('click', () => loadEvents().catch((err) => showError(err)))

async function loadWorkers() {
  const { data } = await api('GET', '/v1/workers?limit=200')
  fill('workers', data, (w) => {
    const last = el('span', { role: 'status' })
    const act = (label, path) => el('button', { type: 'button', onclick: async () => {
      try {
        const entry = await api('POST', '/v1/time-entries/' + path, { worker_id: w.id })
        last.textContent = (path === 'clock-in' ? 'Clocked in at ' + fmtTime(entry.clock_in) : 'Clocked out at ' + fmtTime(entry.clock_out) + ' (' + entry.total_minutes + ' min)')
        notify('ok', w.name + ': ' + last.textContent)
      } catch (err) { showError(err, w.name + ' — ' + label + ' failed') }
    } }, label)
    return el('tr', { dataset: { id: w.id } },
      td('Name', w.name), td('Id', el('code', {}, w.id)), td('Last action', last),
      el('td', { class: 'actions' }, act('Clock in', 'clock-in'), act('Clock out', 'clock-out')))
  })
}
$('worker-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  try {
    const w = await api('POST', '/v1/workers', { name: e.target.elements.namedItem('name').value })
    e.target.reset()
    notify('ok', 'Worker ' + w.name + ' added.')
    await loadWorkers()
  } catch (err) { showError(err, 'The worker was not added') }
})

window.addEventListener('unhandledrejection', (e) => showError(e.reason || new Error('Something went wrong')))
if (state.key) start().catch((err) => showError(err))
`
