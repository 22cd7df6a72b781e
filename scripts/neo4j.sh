#!/usr/bin/env bash
# Neo4j Community for kg's tests and for machines without Docker.
#
#   scripts/neo4j.sh install          fetch the server from Maven Central (cached in ~/.m2)
#   scripts/neo4j.sh start [DIR]      start a server whose data lives in DIR, on free loopback ports
#   scripts/neo4j.sh stop [DIR]       stop it (data kept; rm -rf DIR to forget it)
#   scripts/neo4j.sh status [DIR]     say whether it runs, and where
#   scripts/neo4j.sh env [DIR]        print NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD for `eval`
#   scripts/neo4j.sh import EXPORT [DIR]  neo4j-admin's offline import of `kg export --neo4j-import EXPORT`
#                                     into DIR's database, replacing it (the server must be stopped)
#
# DIR defaults to $KG_NEO4J_DIR or ~/.cache/kg/neo4j; KG_NEO4J_HEAP (1g) and KG_NEO4J_PAGECACHE (256m)
# size the server. The server is not published as one archive on Maven Central; it is assembled from
# its artifacts (org.neo4j:neo4j with its dependencies, plus org.neo4j.client:neo4j-browser for Neo4j
# Browser at /browser) listed in scripts/neo4j/pom.xml.
# Needs Java 17 and Maven. With Docker, use docker-compose.yml at the root instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/neo4j/pom.xml"
cache="${KG_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kg}"
version="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$pom")"
classpath_file="$cache/neo4j-$version.classpath"
password="${KG_NEO4J_PASSWORD:-kg-test-password}"
start_timeout="${KG_NEO4J_START_TIMEOUT:-180}"

say() { printf 'kg/neo4j: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH; $2"
}

cmd_install() {
  if [[ -s "$classpath_file" ]] && classpath_ok; then
    say "Neo4j $version already installed (classpath in $classpath_file)"
    return 0
  fi
  need mvn "install Maven (apt-get install maven) or run Neo4j with docker compose"
  need java "install Java 17 (apt-get install openjdk-17-jre-headless)"
  mkdir -p "$cache"
  say "fetching Neo4j Community $version from Maven Central (first time only, ~140 MB)"
  local tmp="$classpath_file.tmp.$$"
  if ! mvn -B -q -f "$pom" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
      -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime >"$cache/mvn.log" 2>&1; then
    tail -n 20 "$cache/mvn.log" >&2
    rm -f "$tmp"
    die "Maven could not fetch Neo4j $version (log: $cache/mvn.log)"
  fi
  mv "$tmp" "$classpath_file"
  classpath_ok || die "classpath in $classpath_file names jars that are missing; delete it and retry"
  say "installed Neo4j $version"
}

classpath_ok() {
  local IFS=:
  for jar in $(cat "$classpath_file"); do [[ -f "$jar" ]] || return 1; done
  return 0
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

dir_of() { printf '%s' "${1:-${KG_NEO4J_DIR:-$cache/neo4j}}"; }

running() {
  local dir="$1"
  [[ -f "$dir/run/neo4j.pid" ]] && kill -0 "$(cat "$dir/run/neo4j.pid")" 2>/dev/null
}

bolt_port() { sed -n 's/^server.bolt.listen_address=127.0.0.1://p' "$1/conf/neo4j.conf"; }
http_port() { sed -n 's/^server.http.listen_address=127.0.0.1://p' "$1/conf/neo4j.conf"; }

cmd_env() {
  local dir; dir="$(dir_of "${1:-}")"
  [[ -f "$dir/conf/neo4j.conf" ]] || die "no Neo4j set up in $dir (run: scripts/neo4j.sh start $dir)"
  printf 'NEO4J_URI=bolt://127.0.0.1:%s\n' "$(bolt_port "$dir")"
  printf 'NEO4J_HTTP_URL=http://127.0.0.1:%s\n' "$(http_port "$dir")"
  printf 'NEO4J_USERNAME=neo4j\nNEO4J_PASSWORD=%s\nNEO4J_DATABASE=neo4j\n' "$(cat "$dir/run/password")"
}

write_conf() {
  cat >"$1/conf/neo4j.conf" <<CONF
# written by scripts/neo4j.sh; ports are picked afresh at every start
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$2
server.bolt.advertised_address=127.0.0.1:$2
server.http.listen_address=127.0.0.1:$3
server.http.advertised_address=127.0.0.1:$3
server.https.enabled=false
server.directories.data=$1/data
server.directories.logs=$1/logs
server.directories.plugins=$1/plugins
server.directories.import=$1/import
server.directories.run=$1/run
server.memory.heap.initial_size=512m
server.memory.heap.max_size=${KG_NEO4J_HEAP:-1g}
server.memory.pagecache.size=${KG_NEO4J_PAGECACHE:-256m}
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
CONF
}

cmd_start() {
  local dir; dir="$(dir_of "${1:-}")"
  if running "$dir"; then
    say "already running in $dir"
    cmd_env "$dir"
    return 0
  fi
  cmd_install
  mkdir -p "$dir"/{conf,data,logs,plugins,import,run}
  dir="$(cd "$dir" && pwd)"
  local bolt http
  bolt="$(free_port)"; http="$(free_port)"
  while [[ "$http" == "$bolt" ]]; do http="$(free_port)"; done
  write_conf "$dir" "$bolt" "$http"
  local cp; cp="$(cat "$classpath_file")"
  export NEO4J_HOME="$dir" NEO4J_CONF="$dir/conf"
  if [[ ! -f "$dir/data/dbms/auth.ini" ]]; then
    java -cp "$cp" org.neo4j.cli.AdminTool dbms set-initial-password "$password" >"$dir/logs/admin.log" 2>&1 \
      || { cat "$dir/logs/admin.log" >&2; die "could not set the initial password in $dir"; }
    printf '%s' "$password" >"$dir/run/password"
  fi
  local t0=$SECONDS
  nohup java -Xms512m -Xmx"${KG_NEO4J_HEAP:-1g}" -XX:+UseG1GC -Dfile.encoding=UTF-8 -cp "$cp" \
    org.neo4j.server.CommunityEntryPoint --home-dir="$dir" --config-dir="$dir/conf" \
    >"$dir/logs/console.log" 2>&1 </dev/null &
  echo $! >"$dir/run/neo4j.pid"
  until (exec 3<>"/dev/tcp/127.0.0.1/$bolt") 2>/dev/null; do
    if ! running "$dir"; then
      tail -n 30 "$dir/logs/console.log" >&2 || true
      die "Neo4j exited while starting (logs: $dir/logs)"
    fi
    if (( SECONDS - t0 > start_timeout )); then
      cmd_stop "$dir" || true
      die "Bolt did not answer on 127.0.0.1:$bolt within ${start_timeout}s (logs: $dir/logs)"
    fi
    sleep 0.5
  done
  say "Neo4j $version up in $((SECONDS - t0))s: bolt://127.0.0.1:$bolt, Browser http://127.0.0.1:$http/browser/ (data: $dir)"
  cmd_env "$dir"
}

cmd_stop() {
  local dir; dir="$(dir_of "${1:-}")"
  if ! running "$dir"; then
    say "not running in $dir"
    rm -f "$dir/run/neo4j.pid"
    return 0
  fi
  local pid; pid="$(cat "$dir/run/neo4j.pid")"
  kill "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/run/neo4j.pid"; say "stopped ($dir)"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/run/neo4j.pid"
  say "killed after 60s ($dir)"
}

cmd_status() {
  local dir; dir="$(dir_of "${1:-}")"
  if running "$dir"; then
    say "running (pid $(cat "$dir/run/neo4j.pid")) in $dir"
    cmd_env "$dir"
  else
    say "not running in $dir"
    return 3
  fi
}

cmd_import() {
  local export="${1:-}" dir; dir="$(dir_of "${2:-}")"
  [[ -n "$export" && -f "$export/import.sh" ]] || die "no import.sh in '${export}' (write one with: kg export PATH --neo4j-import DIR)"
  running "$dir" && die "Neo4j runs in $dir; neo4j-admin imports into a stopped server (scripts/neo4j.sh stop $dir)"
  cmd_install
  mkdir -p "$dir"/{conf,data,logs,plugins,import,run}
  dir="$(cd "$dir" && pwd)"
  [[ -f "$dir/conf/neo4j.conf" ]] || write_conf "$dir" "$(free_port)" "$(free_port)"
  local t0=$SECONDS
  NEO4J_HOME="$dir" NEO4J_CONF="$dir/conf" NEO4J_ADMIN="java -Xmx2g -Dfile.encoding=UTF-8 -cp $(cat "$classpath_file") org.neo4j.cli.AdminTool" \
    sh "$export/import.sh" neo4j --overwrite-destination --report-file="$dir/logs/import.report" >"$dir/logs/import.log" 2>&1 \
    || { tail -n 30 "$dir/logs/import.log" >&2; die "neo4j-admin import failed (log: $dir/logs/import.log)"; }
  say "imported $export into $dir in $((SECONDS - t0))s; start it with: scripts/neo4j.sh start $dir"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status "${2:-}" ;;
  env) cmd_env "${2:-}" ;;
  import) cmd_import "${2:-}" "${3:-}" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
