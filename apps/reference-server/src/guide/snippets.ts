// The guide's receiver code. Each one is a complete program: it verifies the Standard
// Webhooks signature over the raw body in constant time, checks the timestamp tolerance,
// accepts any of several signatures (secret rotation), answers 2xx at once, skips
// duplicates by `webhook-id` and processes afterwards. A test runs the Node and Python
// ones against real deliveries. ASCII only: the PDF's standard fonts cover WinAnsi.

/** Node.js 18+ (no dependencies): save as `receiver.mjs`, run `node receiver.mjs`. */
export const NODE_RECEIVER = `import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

const SECRET = process.env.CLOCKHOOK_WEBHOOK_SECRET // whsec_...
const TOLERANCE_SECONDS = 5 * 60

export function verify(secret, headers, rawBody) {
  const id = headers['webhook-id']
  const timestamp = headers['webhook-timestamp']
  const signatures = headers['webhook-signature']
  if (!id || !timestamp || !signatures) throw new Error('missing webhook headers')
  const age = Math.abs(Date.now() / 1000 - Number(timestamp))
  if (!/^[0-9]+$/.test(timestamp) || age > TOLERANCE_SECONDS) throw new Error('stale timestamp')
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = createHmac('sha256', key)
    .update(id + '.' + timestamp + '.')
    .update(rawBody) // the exact bytes received: never a re-serialised JSON object
    .digest()
  // during a secret rotation the header holds several signatures: any valid one passes
  for (const part of signatures.split(' ')) {
    const [version, value] = part.split(',')
    if (version !== 'v1' || !value) continue
    const given = Buffer.from(value, 'base64')
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      return JSON.parse(rawBody.toString('utf8'))
    }
  }
  throw new Error('no valid signature')
}

const seen = new Set() // use a table with a unique key on webhook-id in production

const server = createServer((req, res) => {
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    let event
    try {
      event = verify(SECRET, req.headers, Buffer.concat(chunks))
    } catch (err) {
      res.writeHead(400).end()
      return
    }
    res.writeHead(204).end() // answer at once; process afterwards
    const id = req.headers['webhook-id']
    if (seen.has(id)) return // a retry of a message already handled
    seen.add(id)
    setImmediate(() => console.log('received', event.type, id))
  })
})
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0', () => {
  console.log('listening on', server.address().port)
})
`

/** Python 3.9+ (standard library only): `python3 receiver.py`. */
export const PYTHON_RECEIVER = `import base64
import hashlib
import hmac
import json
import os
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ["CLOCKHOOK_WEBHOOK_SECRET"]  # whsec_...
TOLERANCE_SECONDS = 5 * 60


def verify(secret, headers, raw_body):
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise ValueError("missing webhook headers")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("stale timestamp")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + raw_body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # during a secret rotation the header holds several signatures: any valid one passes
    for part in signatures.split(" "):
        version, _, value = part.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return json.loads(raw_body)
    raise ValueError("no valid signature")


seen = set()  # use a table with a unique key on webhook-id in production


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        raw_body = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            event = verify(SECRET, self.headers, raw_body)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        self.send_response(204)  # answer at once; process afterwards
        self.end_headers()
        msg_id = self.headers["webhook-id"]
        if msg_id in seen:  # a retry of a message already handled
            return
        seen.add(msg_id)
        print("received", event["type"], msg_id, flush=True)

    def log_message(self, *args):
        pass


server = HTTPServer((os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "3000"))), Receiver)
print("listening on", server.server_address[1], flush=True)
server.serve_forever()
`

/** PHP 8 (no framework): the script your web server runs for the webhook URL. */
export const PHP_RECEIVER = `<?php
$secret = getenv('CLOCKHOOK_WEBHOOK_SECRET'); // whsec_...
$rawBody = file_get_contents('php://input'); // the exact bytes received
$id = $_SERVER['HTTP_WEBHOOK_ID'] ?? '';
$timestamp = $_SERVER['HTTP_WEBHOOK_TIMESTAMP'] ?? '';
$signatures = $_SERVER['HTTP_WEBHOOK_SIGNATURE'] ?? '';

if ($id === '' || !ctype_digit($timestamp) || abs(time() - (int) $timestamp) > 300) {
    http_response_code(400);
    exit;
}
$key = base64_decode(preg_replace('/^whsec_/', '', $secret));
$expected = base64_encode(hash_hmac('sha256', $id . '.' . $timestamp . '.' . $rawBody, $key, true));
$valid = false;
// during a secret rotation the header holds several signatures: any valid one passes
foreach (explode(' ', $signatures) as $part) {
    [$version, $value] = array_pad(explode(',', $part, 2), 2, '');
    if ($version === 'v1' && hash_equals($expected, $value)) {
        $valid = true;
        break;
    }
}
if (!$valid) {
    http_response_code(400);
    exit;
}
http_response_code(204); // answer at once; process afterwards (a queue or a job table)
$event = json_decode($rawBody, true);
// Store $event with $id under a unique key: a retry of a handled message is skipped.
`

/** Go 1.21+ (standard library only): `go run receiver.go`. */
export const GO_RECEIVER = `package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

func verify(secret string, h http.Header, body []byte) error {
	id, ts, sigs := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return errors.New("missing webhook headers")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		return errors.New("stale timestamp")
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body) // the exact bytes received
	expected := mac.Sum(nil)
	// during a secret rotation the header holds several signatures: any valid one passes
	for _, part := range strings.Split(sigs, " ") {
		version, value, ok := strings.Cut(part, ",")
		if !ok || version != "v1" {
			continue
		}
		given, err := base64.StdEncoding.DecodeString(value)
		if err == nil && hmac.Equal(given, expected) {
			return nil
		}
	}
	return errors.New("no valid signature")
}

func process(id string, body []byte) {
	log.Printf("received %s (%d bytes)", id, len(body)) // skip ids you already stored
}

func main() {
	secret := os.Getenv("CLOCKHOOK_WEBHOOK_SECRET") // whsec_...
	http.HandleFunc("/webhooks", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil || verify(secret, r.Header, body) != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent) // answer at once; process afterwards
		go process(r.Header.Get("webhook-id"), body)
	})
	log.Fatal(http.ListenAndServe(":3000", nil))
}
`
