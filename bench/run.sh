#!/usr/bin/env bash
# The benchmark of issue 15: PSDocker (in one warm pwsh) against the docker CLI and the floor (the same
# engine API calls made directly with Docker.DotNet, bench/Floor) on the same engine, scenario by
# scenario, runs interleaved. Prints a table and writes out/bench/results.{json,md}.
#
#   ./bench/run.sh                 all scenarios (8 minutes on 2 shared cores at load 15-23)
#   ./bench/run.sh -Quick          fewer runs per scenario
#   ./bench/run.sh -Scenario list-empty,exec   only those scenarios (names in the table)
#
# It ALWAYS runs against a private dockerd of its own (tools/engine.sh: temporary data, socket and
# bridge; needs root), never the engine at /var/run/docker.sock: it creates hundreds of containers and
# measures an empty engine. Everything it creates is labelled psdocker.bench=<run>; the private engine
# is stopped and its files removed at the end, on Ctrl+C too. Needs the .NET 10 SDK; installs
# docker.io, busybox-static and iproute2 when missing (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools/engine.sh
. tools/engine.sh

[ "$(id -u)" = 0 ] || psd_die "the benchmark starts a private Docker engine of its own, which needs root: sudo ./bench/run.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet >/dev/null || psd_die "the .NET SDK (dotnet) is needed: https://dot.net (10.0)."
psd_require docker dockerd busybox-static iproute2

mkdir -p out/bench
psd_say "building the module (out/PSDocker, Release)"
dotnet build src/PSDocker/PSDocker.csproj -c Release -nologo >out/bench/build.log 2>&1 || { tail -n 30 out/bench/build.log >&2; psd_die "building the module failed."; }
psd_say "building the floor (bench/Floor -> out/bench/floor)"
dotnet build bench/Floor/Floor.csproj -c Release -nologo -o out/bench/floor >out/bench/floor-build.log 2>&1 || { tail -n 30 out/bench/floor-build.log >&2; psd_die "building the floor failed."; }
psd_pwsh_init

bench_pid=
cleanup() {
  trap '' INT TERM HUP PIPE
  [ -z "$bench_pid" ] || kill -TERM "$bench_pid" 2>/dev/null || true
  psd_stop_private_engine
}
trap cleanup EXIT
trap 'psd_say "interrupted"; exit 130' INT TERM HUP

unset DOCKER_CONTEXT
psd_start_private_engine
case "${DOCKER_HOST:-}" in
  unix:///tmp/psdocker-engine.*) ;;
  *) psd_die "the private engine did not set DOCKER_HOST; refusing to run against $(psd_engine_name)." ;;
esac
image=psdocker/busybox:latest
psd_base_image "$image"

psd_say "running the scenarios (pwsh $PSD_PWSH_DLL)"
# In the background and waited for, so that Ctrl+C reaches the trap above at once.
dotnet "$PSD_PWSH_DLL" -NoProfile -NonInteractive -File bench/Invoke-Benchmark.ps1 \
  -Image "$image" -PwshDll "$PSD_PWSH_DLL" -FloorDll out/bench/floor/Floor.dll "$@" &
bench_pid=$!
set +e
wait "$bench_pid"
status=$?
set -e
bench_pid=
exit "$status"
