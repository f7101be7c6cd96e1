#!/usr/bin/env bash
# HelpPoint: build everything and run every test project. Installs what a fresh machine lacks (Debian's chromium for the
# browser tests, mosquitto for the MQTT interoperability tests). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v mosquitto_pub >/dev/null 2>&1 || need_pkgs+=(mosquitto-clients)
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 || need_pkgs+=(mosquitto)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_pkgs+=(postgresql-15)
fc-list 2>/dev/null | grep -qi "Noto Sans Ethiopic" || need_pkgs+=(fonts-noto-core)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  say "installing ${need_pkgs[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null \
      || { echo "could not install ${need_pkgs[*]}"; }
  else
    echo "not root: please install ${need_pkgs[*]} (sudo apt-get install ${need_pkgs[*]})"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

say "build"
if ! dotnet build nanoFramework.sln -nologo -v q -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

say "format check"
format_failed=0
if ! dotnet format nanoFramework.sln --verify-no-changes --no-restore -v q; then
  echo "dotnet format found unformatted code (run: dotnet format nanoFramework.sln)"
  format_failed=1
fi

# Every test project of the repository (<IsTestProject>true</IsTestProject>), discovered so that none can be forgotten.
mapfile -t projects < <(grep -rl --include='*.csproj' '<IsTestProject>true</IsTestProject>' . | grep -v -e '/bin/' -e '/obj/' -e '^./.artifacts/' | sort)

missing=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  say "test $name"
  timeout 900 dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    || true
  [ -f "$results/$name.trx" ] || { echo "no results from $name (crashed or timed out)"; missing=$((missing + 1)); }
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); n=$(get notExecuted)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0})); skipped=$((skipped + ${n:-0}))
done
failed=$((failed + missing + format_failed))

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
