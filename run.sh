#!/usr/bin/env bash
# HelpPoint on one machine, embedded defaults: the gateway (embedded MQTT broker + SQLite, demo mode) and two simulated
# help points. Open the simulator page, press a button, and watch it arrive in the IT-host phone app. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"

HTTP_PORT=${HP_HTTP_PORT:-5080}
MQTT_PORT=${HP_MQTT_PORT:-1883}
SIM_PORT=${HP_SIM_PORT:-5081}
DATA=${HP_DATA:-./data}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building…"
dotnet build nanoFramework.sln -nologo -v q -clp:ErrorsOnly
mkdir -p "$DATA"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

dotnet gateway/HelpPoint.Gateway/bin/Debug/net10.0/HelpPoint.Gateway.dll --demo \
  --urls "http://127.0.0.1:$HTTP_PORT" --Mqtt:Port="$MQTT_PORT" --Mqtt:BindAddress=127.0.0.1 --Data:Path="$DATA/gateway" --Demo:HistoryDays=30 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "the gateway stopped; see its output above"; exit 1; }
  sleep 0.5
done

dotnet firmware/HelpPoint.Simulator/bin/Debug/net10.0/HelpPoint.Simulator.dll \
  --urls "http://127.0.0.1:$SIM_PORT" --Mqtt:Host=127.0.0.1 --Mqtt:Port="$MQTT_PORT" --Data:Path="$DATA/simulator" &
pids+=($!)

cat <<MSG

  HelpPoint is running.
    IT-host phone app:   http://127.0.0.1:$HTTP_PORT      (host1 / PIN 1111)
    Simulated help points: http://127.0.0.1:$SIM_PORT
    Manager dashboard:   http://127.0.0.1:$HTTP_PORT/manager/   (manager / demo-manager; 30 days of made-up history)
  Sign in, tap "Go on duty", then press a category on a simulated help point.
  Ctrl+C stops everything. Data lives in $DATA.

MSG
wait -n "${pids[@]}"
