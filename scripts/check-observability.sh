#!/usr/bin/env bash
# Checks the alerts as code under observability/, offline:
#   1. promtool check config (prometheus.yml, prometheus-containers.yml and the rule files
#      they name);
#   2. promtool check rules;
#   3. promtool test rules: the unit tests of every alert and recording rule;
#   4. amtool check-config (alertmanager.yml and its templates);
#   5. amtool config routes test: each alert reaches the receiver of its severity;
#   6. every alert has a summary, a description and a runbook_url naming a runbook that
#      exists, and a test where it fires and one where it stays quiet;
#   7. a real Alertmanager on free local ports, with a local webhook receiver: the inhibit
#      rules leave one page per cause (skipped without python3 or the alertmanager binary);
#   8. the Grafana dashboards (observability/grafana/dashboards): every file is JSON, every
#      query is PromQL that promtool accepts, every cloudshop:* series they read is recorded
#      by recording.yml, every data source they name is provisioned; the metric names they
#      use are written to
#      target/dashboard-metrics.txt (needs python3).
#
# promtool and amtool come from the Debian packages prometheus and prometheus-alertmanager:
# installed here when missing, as root or with sudo, else the script says how and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PROM=observability/prometheus
AM=observability/alertmanager
DASHBOARDS=observability/grafana/dashboards
RUNBOOKS=docs/runbooks
passed=0
failed=0
# Processes this script started and that still run (the live inhibition check), ended on
# any exit.
started_pids=()
stop_started() {
  if [ "${#started_pids[@]}" -gt 0 ]; then
    kill "${started_pids[@]}" 2>/dev/null || true
  fi
}
trap stop_started EXIT

say() { echo "[observability] $*"; }

ensure_tools() {
  if command -v promtool >/dev/null && command -v amtool >/dev/null; then
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      say "promtool or amtool is missing and this user can not install packages."
      say "Install them: sudo apt-get install -y --no-install-recommends prometheus prometheus-alertmanager"
      say "(Homebrew: brew install prometheus alertmanager), then run $0 again."
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "promtool or amtool is missing and there is no apt-get here: install Prometheus and"
    say "Alertmanager (Homebrew: brew install prometheus alertmanager), then run $0 again."
    exit 1
  fi
  say "installing promtool and amtool (Debian packages prometheus, prometheus-alertmanager)"
  # The packages start their daemons when they can; Alertmanager's default port (9093) is
  # the local stack's Kafka controller port. policy-rc.d keeps them from starting.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    created_policy=yes
  fi
  local status=0
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends prometheus prometheus-alertmanager >/dev/null; } || status=$?
  if [ -n "$created_policy" ]; then
    $sudo rm -f "$policy"
  fi
  if [ "$status" -ne 0 ] || ! command -v promtool >/dev/null || ! command -v amtool >/dev/null; then
    say "could not install prometheus and prometheus-alertmanager with apt-get (exit $status)"
    exit 1
  fi
}

# step NAME COMMAND...: runs one check, counts it, and keeps going after a failure.
step() {
  local name=$1
  shift
  say "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    say "FAILED: $name"
    failed=$((failed + 1))
  fi
}

# The alerts of alerts.yml as "name severity" lines, one per rule.
alert_rules() {
  awk '
    /^ *- alert: / { if (name != "") print name, severity; name = $3; severity = "" }
    /^ *severity: / && name != "" { severity = $2 }
    END { if (name != "") print name, severity }
  ' "$PROM/rules/alerts.yml"
}

routes_test() {
  local status=0 name severity receiver
  while read -r name severity; do
    case "$severity" in
      page) receiver=chat-pages ;;
      ticket) receiver=chat-tickets ;;
      *) say "$name has no severity page or ticket: '$severity'"; status=1; continue ;;
    esac
    if ! amtool config routes test --config.file="$AM/alertmanager.yml" --verify.receivers="$receiver" \
      alertname="$name" severity="$severity" service=order-service >/dev/null 2>&1; then
      say "$name (severity $severity) does not reach $receiver"
      status=1
    fi
  done < <(alert_rules)
  # An alert without a severity still reaches someone.
  amtool config routes test --config.file="$AM/alertmanager.yml" --verify.receivers=chat-tickets \
    alertname=SomethingNew >/dev/null 2>&1 || { say "an alert without severity reaches no ticket"; status=1; }
  return $status
}

# Each alert's annotations and runbook, and its tests (firing and quiet).
alerts_documented_and_tested() {
  local status=0 name severity block
  for name in $(alert_rules | awk '{print $1}' | sort -u); do
    block=$(awk -v name="$name" '
      /^ *- alert: / { inside = ($3 == name) }
      inside { print }
    ' "$PROM/rules/alerts.yml")
    for annotation in summary description runbook_url; do
      if ! grep -q "^ *$annotation: " <<<"$block"; then
        say "$name has no $annotation"
        status=1
      fi
    done
    if grep "^ *runbook_url: " <<<"$block" | grep -qv "runbook_url: $RUNBOOKS/$name.md$"; then
      say "$name's runbook_url is not $RUNBOOKS/$name.md"
      status=1
    fi
    if [ ! -s "$RUNBOOKS/$name.md" ]; then
      say "$name has no runbook $RUNBOOKS/$name.md"
      status=1
    fi
    # Test expectations: "alertname: X" then its exp_alerts, empty ([]) or not.
    local expectations
    expectations=$(awk -v name="$name" '
      /^ *alertname: / { current = $2 }
      /^ *exp_alerts:/ && current == name { print ($2 == "[]") ? "quiet" : "fires"; current = "" }
    ' "$PROM"/tests/*.yml | sort -u | tr '\n' ' ')
    if [[ "$expectations" != *fires* ]]; then
      say "$name has no test where it fires"
      status=1
    fi
    if [[ "$expectations" != *quiet* ]]; then
      say "$name has no test where it stays quiet"
      status=1
    fi
  done
  return $status
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A real Alertmanager with this configuration, its webhooks pointed at a local receiver and
# its group waits shortened; alerts posted as Prometheus would, two outages:
#   payment-service killed: ServiceDown is the one page, the order SLO page and the circuit
#     ticket it causes are held back;
#   payment-service failing while it runs (fault injection): the order-failure burn-rate
#     page is the one message (the latency page, the slow-burn ticket and the open circuit's
#     ticket held back).
inhibition_live() {
  local dir receiver_port am_port status=0 receiver_pid
  dir=$(mktemp -d)
  receiver_port=$(free_port)
  cp -r "$AM/templates" "$dir/"
  python3 - "$receiver_port" "$dir/received" <<'EOF' &
import http.server, json, os, sys
port, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name = self.path.strip("/").replace("/", "_")
        with open(os.path.join(out, name), "a") as f:
            for attachment in body.get("attachments", []):
                f.write(attachment.get("title", "") + " | " + attachment.get("title_link", "") + "\n")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
EOF
  receiver_pid=$!
  started_pids+=("$receiver_pid")

  run_scenario() {
    local scenario=$1
    shift
    local am_pid url
    am_port=$(free_port)
    url="http://127.0.0.1:$am_port"
    rm -rf "$dir/received" "$dir/data"
    mkdir -p "$dir/received"
    sed -e "s#http://127.0.0.1:9099/#http://127.0.0.1:$receiver_port/#" \
      -e 's/group_wait: .*/group_wait: 1s/' "$AM/alertmanager.yml" >"$dir/alertmanager.yml"
    "$alertmanager" --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
      --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= --log.level=warn \
      >"$dir/alertmanager.log" 2>&1 &
    am_pid=$!
    started_pids+=("$am_pid")
    for _ in $(seq 1 100); do
      curl -sf "$url/-/ready" >/dev/null 2>&1 && break
      sleep 0.2
    done
    # Causes first, as they fire first.
    local alert name
    for alert in "$@"; do
      name=${alert%% *}
      name=${name#alertname=}
      # shellcheck disable=SC2086
      amtool --alertmanager.url="$url" alert add $alert \
        --annotation=runbook_url="$RUNBOOKS/$name.md" >/dev/null
    done
    sleep 6
    kill "$am_pid"
    wait "$am_pid" 2>/dev/null || true
    started_pids=("$receiver_pid")
    say "  $scenario: pages: $(cat "$dir/received/hooks_cloudshop" 2>/dev/null | cut -d'|' -f1 | tr '\n' ';')"
    say "  $scenario: tickets: $(cat "$dir/received/hooks_cloudshop-tickets" 2>/dev/null | cut -d'|' -f1 | tr '\n' ';')"
  }

  expect() {
    local file=$1 expected=$2 got
    got=$(cut -d'|' -f1 "$dir/received/$file" 2>/dev/null | sed 's/ *$//' | sort | tr '\n' ';')
    if [ "$got" != "$expected" ]; then
      say "  $file: expected '$expected', got '$got'"
      status=1
    fi
  }

  run_scenario "payment-service killed" \
    "alertname=ServiceDown severity=page service=payment-service application=payment-service" \
    "alertname=DependencyCircuitOpen severity=ticket service=payment-service application=order-service name=payment-service" \
    "alertname=OrderTechnicalFailuresBudgetBurn severity=page service=order-service slo=order-technical-failures" \
    "alertname=OrderSettlementLatencyBudgetBurn severity=page service=order-service slo=order-settlement-latency"
  expect hooks_cloudshop "[FIRING:1] ServiceDown (payment-service);"
  expect hooks_cloudshop-tickets ""
  grep -q "| $RUNBOOKS/ServiceDown.md" "$dir/received/hooks_cloudshop" 2>/dev/null \
    || { say "  the page does not link its runbook"; status=1; }

  run_scenario "payment-service failing" \
    "alertname=OrderTechnicalFailuresBudgetBurn severity=page service=order-service slo=order-technical-failures" \
    "alertname=DependencyCircuitOpen severity=ticket service=payment-service application=order-service name=payment-service" \
    "alertname=OrderTechnicalFailuresBudgetBurn severity=ticket service=order-service slo=order-technical-failures" \
    "alertname=OrderSettlementLatencyBudgetBurn severity=page service=order-service slo=order-settlement-latency" \
    "alertname=OrdersSettlingLate severity=ticket service=order-service"
  expect hooks_cloudshop "[FIRING:1] OrderTechnicalFailuresBudgetBurn (order-service);"
  expect hooks_cloudshop-tickets ""

  kill "$receiver_pid" 2>/dev/null || true
  wait "$receiver_pid" 2>/dev/null || true
  started_pids=()
  rm -rf "$dir"
  return $status
}

# The dashboards' queries, checked by promtool: each one becomes a recording rule of a
# temporary rule file (Grafana's variables replaced by plain values: $__rate_interval by 5m,
# $instance and the others by a label value), and `promtool check rules` parses them all.
# The metric names the queries use go to target/dashboard-metrics.txt, one a line.
dashboards_valid() {
  local dir status=0
  dir=$(mktemp -d)
  mkdir -p target
  if ! python3 - "$DASHBOARDS" "$PROM/rules/recording.yml" "$dir/dashboards.rules.json" target/dashboard-metrics.txt \
    observability/grafana/provisioning/datasources <<'EOF'
import glob, json, os, re, sys

dashboards, recording, rule_file, metrics_file, datasources = sys.argv[1:]
DURATIONS = {"__rate_interval": "5m", "__interval": "1m", "__range": "1h", "__range_s": "3600"}
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
            "unless", "offset", "inf", "nan", "start", "end"}

def substitute(expr):
    expr = re.sub(r"\$\{?(__rate_interval|__interval|__range_s|__range)\}?", lambda m: DURATIONS[m.group(1)], expr)
    return re.sub(r"\$\{?\w+(?::\w+)?\}?", "x", expr)

def metric_names(expr):
    # Strings, label matchers, ranges and grouping labels hold no metric name.
    text = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`', '""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"(?<![\w.:])([A-Za-z_:][\w:]*)(?![\w:])(?!\s*\()", text):
        if match.group(1) not in KEYWORDS:
            names.add(match.group(1))
    return names

def datasource_uids(panel):
    """The uid of every data source a panel and its queries (and a row's panels) name."""
    for node in [panel] + panel.get("targets", []):
        source = node.get("datasource")
        if isinstance(source, dict) and source.get("uid"):
            yield source["uid"]
    for inner in panel.get("panels", []):
        yield from datasource_uids(inner)

def queries(panel):
    """(where, expr) of every query of a panel and of the panels of a row."""
    for target in panel.get("targets", []):
        if target.get("expr"):
            yield f"panel_{panel.get('id')}_{target.get('refId', '')}", target["expr"]
    for inner in panel.get("panels", []):
        yield from queries(inner)

errors, rules, used = [], [], {}
provisioned = set()
for path in glob.glob(os.path.join(datasources, "*.yml")):
    with open(path) as f:
        provisioned |= set(re.findall(r"^\s*uid:\s*(\S+)\s*$", f.read(), re.MULTILINE))
files = sorted(glob.glob(os.path.join(dashboards, "*.json")))
if not files:
    errors.append("no dashboard in " + dashboards)
uids = {}
for path in files:
    name = os.path.basename(path)
    try:
        with open(path) as f:
            board = json.load(f)
    except ValueError as ex:
        errors.append(f"{name} is not JSON: {ex}")
        continue
    if board.get("uid") in uids:
        errors.append(f"{name} has the uid of {uids[board.get('uid')]}")
    uids[board.get("uid")] = name
    exprs = [query for panel in board.get("panels", []) for query in queries(panel)]
    variables = board.get("templating", {}).get("list", [])
    for uid in {uid for panel in board.get("panels", []) + variables for uid in datasource_uids(panel)}:
        if uid not in provisioned:
            errors.append(f"{name} reads the data source {uid}, which is not provisioned in {datasources}")
    # A variable's label_values(selector, label) reads the selector's series.
    for variable in variables:
        query = variable.get("query")
        query = query.get("query", "") if isinstance(query, dict) else (query or "")
        selector = re.fullmatch(r"\s*label_values\((.*),\s*\w+\s*\)\s*", query)
        if selector:
            exprs.append((f"variable_{variable.get('name')}", selector.group(1)))
    if not exprs:
        errors.append(f"{name} has no query")
    for where, expr in exprs:
        rules.append({"record": f"dashboard:{re.sub(r'[^A-Za-z0-9]', '_', name[:-5])}:{where}", "expr": substitute(expr)})
        for metric in metric_names(substitute(expr)):
            used.setdefault(metric, set()).add(name)

with open(recording) as f:
    recorded = set(re.findall(r"^\s*- record:\s*(\S+)\s*$", f.read(), re.MULTILINE))
for metric in sorted(used):
    if metric.startswith("cloudshop:") and metric not in recorded:
        errors.append(f"{metric} ({', '.join(sorted(used[metric]))}) is not a rule of {recording}")

with open(rule_file, "w") as f:
    json.dump({"groups": [{"name": "dashboards", "rules": rules}]}, f, indent=1)
with open(metrics_file, "w") as f:
    f.writelines(metric + "\n" for metric in sorted(used))
print(f"[observability]   {len(files)} dashboards, {len(rules)} queries, {len(used)} metric names "
      f"({sum(1 for m in used if not m.startswith('cloudshop:'))} exposed by the services) in {metrics_file}")
for error in errors:
    print("[observability]   " + error)
sys.exit(1 if errors else 0)
EOF
  then
    status=1
  fi
  if [ -s "$dir/dashboards.rules.json" ] && ! promtool check rules "$dir/dashboards.rules.json" >"$dir/promtool.out" 2>&1; then
    sed 's/^/[observability]   /' "$dir/promtool.out"
    status=1
  fi
  rm -rf "$dir"
  return $status
}

ensure_tools
say "$(promtool --version 2>&1 | head -1); $(amtool --version 2>&1 | head -1)"

step "promtool check config" promtool check config "$PROM/prometheus.yml"
step "promtool check config (compose and Kubernetes)" promtool check config "$PROM/prometheus-containers.yml"
step "promtool check rules" promtool check rules "$PROM"/rules/*.yml
step "promtool test rules" promtool test rules "$PROM"/tests/*.yml
step "amtool check-config" amtool check-config "$AM/alertmanager.yml"
step "amtool config routes test: every alert reaches the receiver of its severity" routes_test
step "every alert has its annotations, its runbook, and tests firing and quiet" alerts_documented_and_tested
# Debian's package names the binary prometheus-alertmanager, Homebrew's alertmanager.
alertmanager=$(command -v prometheus-alertmanager || command -v alertmanager || true)
if command -v python3 >/dev/null && [ -n "$alertmanager" ]; then
  step "Alertmanager's inhibit rules: one page per cause" inhibition_live
else
  say "no python3 or Alertmanager binary here: the live inhibition check is skipped"
fi

if command -v python3 >/dev/null; then
  step "Grafana dashboards: JSON, PromQL by promtool, recorded series; metric names in target/dashboard-metrics.txt" \
    dashboards_valid
else
  say "no python3 here: the dashboards cannot be checked"
  failed=$((failed + 1))
fi

tests=$(grep -c '^  - name: ' "$PROM"/tests/*.yml | awk -F: '{ n += $2 } END { print n }')
say "$tests promtool test groups over $(alert_rules | awk '{print $1}' | sort -u | wc -l) alerts"
echo "observability: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
