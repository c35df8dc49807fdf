#!/usr/bin/env bash
# Run once by the postgres image's entrypoint, on an empty data directory: one database and
# one role per service, each role owning its database and allowed to connect to no other.
# The passwords come from the environment (docker-compose.yml passes them; the defaults are
# the demo credentials of the local stack).
set -euo pipefail

create_database() {
  local name="$1" password="$2"
  # psql variables (:"name", :'password') quote the values: nothing from the environment is
  # pasted into SQL as it is.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
-- By default every role may connect to every database; only the owner may here.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
  echo "init-databases: database and role $name created"
}

create_database orders "${ORDERS_DB_PASSWORD:-orders}"
create_database inventory "${INVENTORY_DB_PASSWORD:-inventory}"
create_database payments "${PAYMENTS_DB_PASSWORD:-payments}"
create_database notifications "${NOTIFICATIONS_DB_PASSWORD:-notifications}"
create_database images "${IMAGES_DB_PASSWORD:-images}"
