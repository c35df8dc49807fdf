#!/usr/bin/env bash
# Smoke test of docker-compose.yml: builds the images, starts the whole suite, places an order
# through the gateway, waits for its notification, checks that Prometheus scrapes every service
# and knows Alertmanager, and removes everything it created (containers, network, volumes),
# also when a step fails. Grafana (the profile grafana) is not started.
#
# It runs as its own compose project (cloudshop-smoke, or SMOKE_PROJECT) on its own host ports
# (18080, 18761, 18025, 19411, 19090, 19095 unless SMOKE_*_PORT say otherwise), so it never
# touches a stack of your own.
#
#   scripts/compose-smoke-test.sh            # needs docker and docker compose (or docker-compose)
#   SMOKE_KEEP=1 scripts/compose-smoke-test.sh   # leave the stack running for a look
set -euo pipefail
cd "$(dirname "$0")/.."

project="${SMOKE_PROJECT:-cloudshop-smoke}"
export GATEWAY_PORT="${SMOKE_GATEWAY_PORT:-18080}"
export EUREKA_PORT="${SMOKE_EUREKA_PORT:-18761}"
export SMTP_API_PORT="${SMOKE_SMTP_API_PORT:-18025}"
export ZIPKIN_PORT="${SMOKE_ZIPKIN_PORT:-19411}"
export PROMETHEUS_PORT="${SMOKE_PROMETHEUS_PORT:-19090}"
export ALERTMANAGER_PORT="${SMOKE_ALERTMANAGER_PORT:-19095}"
gateway="http://127.0.0.1:${GATEWAY_PORT}"
prometheus="http://127.0.0.1:${PROMETHEUS_PORT}"
startup_timeout="${SMOKE_STARTUP_TIMEOUT:-420}"
services=(discovery-service gateway-service order-service inventory-service payment-service
  notification-service image-service)

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose -p "$project")
else
  compose=(docker-compose -p "$project")
fi

started=$(date +%s)
step_started=$started
log() { echo "[smoke $(( $(date +%s) - started ))s] $*"; }
timing() { # prints how long the step that just ended took
  local now; now=$(date +%s)
  log "$1 in $(( now - step_started )) s"
  step_started=$now
}

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    log "FAILED; the last log lines of each container:"
    "${compose[@]}" ps || true
    "${compose[@]}" logs --no-color --tail=40 || true
  fi
  if [ -n "${SMOKE_KEEP:-}" ]; then
    log "SMOKE_KEEP is set: the stack keeps running; remove it with: ${compose[*]} down -v"
  else
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    log "stack and volumes removed"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The jars the images copy, built only when one is missing.
missing=0
for service in "${services[@]}"; do
  [ -f "$service/target/$service.jar" ] || missing=1
done
[ -f local-stack/target/greenmail/greenmail-standalone.jar ] || missing=1
if [ "$missing" -eq 1 ]; then
  log "building the jars (./mvnw -DskipTests package)"
  ./mvnw -B -q -ntp -DskipTests package
  timing "jars built"
fi

# 2. The images.
log "building the images"
"${compose[@]}" build -q
timing "images built"

# 3. The whole suite; the gateway starts last, once every service is healthy.
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
log "starting the suite"
"${compose[@]}" up -d
deadline=$(( $(date +%s) + startup_timeout ))
while :; do
  unhealthy=()
  for service in postgres kafka smtp "${services[@]}"; do
    id=$("${compose[@]}" ps -q "$service")
    status=$( [ -n "$id" ] && docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" || echo missing)
    [ "$status" = healthy ] || unhealthy+=("$service=$status")
  done
  [ ${#unhealthy[@]} -eq 0 ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "not healthy after ${startup_timeout} s: ${unhealthy[*]}"
    exit 1
  fi
  sleep 3
done
timing "every container healthy"

# The gateway learns the services from Eureka (refreshed every 2 s): wait for a route to answer.
deadline=$(( $(date +%s) + 60 ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$gateway/api/products?size=1")" = 200 ]; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "the gateway does not route to inventory-service"
    exit 1
  fi
  sleep 1
done
timing "gateway routes"

# 4. An order through the gateway: the saga reserves stock, charges and commits.
key=$(cat /proc/sys/kernel/random/uuid)
response=$(curl -sS -w '\n%{http_code}' "$gateway/api/orders" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
  -d '{"customerId":"ada","email":"ada@example.com","lines":[{"sku":"KB-0001","quantity":1}],"paymentToken":"tok_approve"}')
code=$(tail -n 1 <<<"$response")
body=$(sed '$d' <<<"$response")
log "POST /api/orders: $code $body"
order_status=$(grep -o '"status" *: *"[A-Z_]*"' <<<"$body" | head -n 1 | sed 's/.*"\([A-Z_]*\)"$/\1/')
order_id=$(grep -o '"id" *: *"[^"]*"' <<<"$body" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
if [ "$code" != 201 ] || [ "$order_status" != PROCESSED ] || [ -z "$order_id" ]; then
  log "expected 201 with status PROCESSED"
  exit 1
fi
timing "order $order_id PROCESSED"

# 5. Kafka carries OrderProcessed to notification-service, which records one notification.
deadline=$(( $(date +%s) + 60 ))
while :; do
  notifications=$(curl -s "$gateway/api/notifications?orderId=$order_id" || true)
  count=$( (grep -o '"orderId" *: *"'"$order_id"'"' <<<"$notifications" || true) | wc -l)
  [ "$count" -eq 1 ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "expected one notification for order $order_id, got: $notifications"
    exit 1
  fi
  sleep 1
done
timing "notification recorded"

# 6. Prometheus finds every service through Eureka and scrapes it (health "up"), and sends its
#    alerts to Alertmanager. Eureka is read every 10 s and each target scraped every 15 s.
if command -v python3 >/dev/null; then
  deadline=$(( $(date +%s) + 90 ))
  while :; do
    down=$(curl -s "$prometheus/api/v1/targets?state=active" | python3 -c '
import json, sys
expected = sys.argv[1:]
try:
    targets = json.load(sys.stdin)["data"]["activeTargets"]
except (ValueError, KeyError):
    targets = []
up = {target["labels"].get("job") for target in targets if target.get("health") == "up"}
print(" ".join(job for job in expected if job not in up))
' "${services[@]}" alertmanager) || down="prometheus"
    [ -z "$down" ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "Prometheus does not scrape: $down"
      exit 1
    fi
    sleep 3
  done
  if ! curl -s "$prometheus/api/v1/alertmanagers" | grep -q '"activeAlertmanagers":\[{'; then
    log "Prometheus knows no Alertmanager"
    exit 1
  fi
  timing "Prometheus scrapes every service and knows Alertmanager"
else
  log "no python3 here: the Prometheus targets are not checked"
fi
log "PASSED: ${compose[*]} up, order placed through the gateway, notification recorded, every service scraped"
