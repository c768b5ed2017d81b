/** The console's browser code (plain JavaScript, no build step): it only calls the JSON API. */
export const CONSOLE_JS = `
const state = { key: sessionStorage.getItem('clockhook.key') }
const $ = (id) => document.getElementById(id)

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { authorization: 'Bearer ' + state.key, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  const data = text ? JSON.parse(text) : null
  if (!res.ok) throw new Error(data && data.error ? data.error.message : 'HTTP ' + res.status)
  return data
}

function cell(row, text, className) {
  const td = document.createElement('td')
  td.textContent = text == null ? '' : String(text)
  if (className) td.className = className
  row.appendChild(td)
  return td
}
function button(parent, label, onClick) {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = label
  b.addEventListener('click', onClick)
  parent.appendChild(b)
  return b
}
function fill(tableId, rows, render) {
  const body = $(tableId).querySelector('tbody')
  body.replaceChildren()
  for (const item of rows) {
    const tr = document.createElement('tr')
    render(tr, item)
    body.appendChild(tr)
  }
}

async function loadWebhooks() {
  const { data } = await api('GET', '/v1/webhooks?limit=200')
  fill('webhooks', data, (tr, w) => {
    tr.dataset.id = w.id
    cell(tr, w.name)
    cell(tr, w.url)
    cell(tr, w.events.join(', '))
    cell(tr, w.enabled ? 'enabled' : 'disabled' + (w.disabled_reason ? ' (' + w.disabled_reason + ')' : ''))
    const actions = cell(tr, '')
    button(actions, 'Deliveries', () => loadDeliveries(w))
    button(actions, 'Send test', async () => {
      $('test-result').textContent = 'Sending…'
      try {
        const r = await api('POST', '/v1/webhooks/' + w.id + '/test')
        $('test-result').textContent = 'Test to ' + w.name + ': ' + r.delivery.status + (r.attempt && r.attempt.http_status ? ' (HTTP ' + r.attempt.http_status + ')' : r.attempt && r.attempt.error_message ? ' (' + r.attempt.error_message + ')' : '')
      } catch (err) { $('test-result').textContent = err.message }
    })
    button(actions, w.enabled ? 'Disable' : 'Enable', async () => {
      await api('PATCH', '/v1/webhooks/' + w.id, { enabled: !w.enabled })
      await loadWebhooks()
    })
  })
}

async function loadDeliveries(w) {
  $('deliveries-panel').hidden = false
  $('deliveries-of').textContent = w.name
  const { data } = await api('GET', '/v1/webhooks/' + w.id + '/deliveries?limit=50')
  fill('deliveries', data, (tr, d) => {
    tr.dataset.id = d.id
    cell(tr, d.event_type)
    cell(tr, d.status, 'status-' + d.status)
    cell(tr, d.attempts)
    cell(tr, d.last_http_status)
    cell(tr, d.last_error)
    cell(tr, d.created_at)
    button(cell(tr, ''), 'Resend', async () => {
      await api('POST', '/v1/deliveries/' + d.id + '/resend')
      setTimeout(() => loadDeliveries(w), 500)
    })
  })
}

async function loadWorkers() {
  const { data } = await api('GET', '/v1/workers?limit=200')
  fill('workers', data, (tr, w) => {
    cell(tr, w.name)
    cell(tr, w.id)
    const actions = cell(tr, '')
    for (const [label, path] of [['Clock in', 'clock-in'], ['Clock out', 'clock-out']]) {
      button(actions, label, async () => {
        try {
          await api('POST', '/v1/time-entries/' + path, { worker_id: w.id })
          $('worker-error').textContent = ''
        } catch (err) { $('worker-error').textContent = err.message }
      })
    }
  })
}

async function loadEvents() {
  const { data } = await api('GET', '/v1/events?limit=100')
  fill('events', data.slice().reverse(), (tr, e) => {
    cell(tr, e.type)
    cell(tr, e.timestamp)
    cell(tr, JSON.stringify(e.data))
  })
}

async function loadAudit() {
  try {
    const { data } = await api('GET', '/v1/audit-log?limit=100')
    fill('audit', data, (tr, a) => {
      cell(tr, a.created_at)
      cell(tr, a.actor)
      cell(tr, a.action)
      cell(tr, a.target)
    })
  } catch (err) {
    fill('audit', [err.message], (tr, m) => cell(tr, m))
  }
}

const loaders = { webhooks: loadWebhooks, workers: loadWorkers, events: loadEvents, audit: loadAudit }

function showTab(name) {
  for (const b of document.querySelectorAll('nav button')) b.classList.toggle('active', b.dataset.tab === name)
  for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== 'tab-' + name
  return loaders[name]()
}

async function start() {
  try {
    await api('GET', '/v1/webhooks?limit=1')
  } catch (err) {
    sessionStorage.removeItem('clockhook.key')
    state.key = null
    $('sign-in-error').textContent = err.message
    return
  }
  $('sign-in').hidden = true
  $('app').hidden = false
  $('sign-out').hidden = false
  $('who').textContent = 'signed in with ' + state.key.slice(0, 11) + '…'
  const types = await api('GET', '/v1/event-types').catch(() => ({ data: [] }))
  const box = $('event-choices')
  for (const t of types.data.filter((t) => t.type !== 'webhook.test')) {
    const label = document.createElement('label')
    label.style.flexDirection = 'row'
    const input = document.createElement('input')
    input.type = 'checkbox'
    input.name = 'events'
    input.value = t.type
    input.style.minWidth = '0'
    label.append(input, ' ' + t.type)
    box.appendChild(label)
  }
  await showTab('webhooks')
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault()
  state.key = $('api-key').value.trim()
  sessionStorage.setItem('clockhook.key', state.key)
  start()
})
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem('clockhook.key')
  location.reload()
})
for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => showTab(b.dataset.tab))

$('webhook-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  const form = e.target
  const events = [...form.querySelectorAll('input[name=events]:checked')].map((i) => i.value)
  const version = form.version.value ? Number(form.version.value) : undefined
  try {
    const created = await api('POST', '/v1/webhooks', { name: form.name.value, url: form.url.value, events, ...(version ? { version } : {}) })
    $('secret-value').textContent = created.secret
    $('secret-box').hidden = false
    $('webhook-error').textContent = ''
    form.reset()
    await loadWebhooks()
  } catch (err) { $('webhook-error').textContent = err.message }
})

$('worker-form').addEventListener('submit', async (e) => {
  e.preventDefault()
  try {
    await api('POST', '/v1/workers', { name: e.target.name.value })
    e.target.reset()
    $('worker-error').textContent = ''
    await loadWorkers()
  } catch (err) { $('worker-error').textContent = err.message }
})

if (state.key) start()
`
