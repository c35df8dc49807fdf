#!/usr/bin/env bash
# Starts the whole suite on this machine, no Docker needed: PostgreSQL, Kafka, Eureka, the
# five services and the gateway, each its own process. Ctrl-C stops them all.
#
#   ./local-stack.sh                          build what changed, then start
#   ./local-stack.sh --reset                  start with empty databases and topics
#   ./local-stack.sh --instances image-service=2
#   ./local-stack.sh --help
#
# Chaos experiments on the running stack, from another terminal:
#
#   ./local-stack.sh chaos list                  every process with its pid and state
#   ./local-stack.sh chaos kill payment-service  kill, stop, pause, resume, start, restart
#   ./local-stack.sh chaos --help
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" = chaos ]; then
  shift
  # The running launcher does the work; this only asks it, so nothing is built here.
  if [ ! -f local-stack/target/classes/dev/cloudshop/localstack/ChaosCommand.class ]; then
    echo "No local stack is running: the suite is not even built yet. ./local-stack.sh builds and starts it." >&2
    exit 1
  fi
  exec java -cp local-stack/target/classes dev.cloudshop.localstack.ChaosCommand "$@"
fi

stamp=.local-stack/build.stamp
modules="discovery-service,gateway-service,order-service,inventory-service,payment-service,notification-service,image-service,local-stack"

needs_build() {
  [ -f "$stamp" ] || return 0
  for module in ${modules//,/ }; do
    [ -d "$module/target" ] || return 0
  done
  [ -n "$(find . -path ./.local-stack -prune -o -name target -prune -o -newer "$stamp" -type f \
      \( -path '*/src/main/*' -o -name pom.xml \) -print -quit)" ]
}

if needs_build; then
  echo "Building the suite (the first build downloads dependencies and takes a few minutes)..."
  mkdir -p .local-stack
  ./mvnw -q -B -Dmaven.test.skip=true -Dspring-javaformat.skip=true -pl "$modules" -am package
  touch "$stamp"
fi

exec java -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" dev.cloudshop.localstack.LocalStack "$@"
