#!/usr/bin/env bash
# Runs every test of PSDocker against a real Docker engine and ends with one line:
#   N passed, N failed[, N skipped]
#
#   ./test.sh                    the tests get an engine of their own (the default; needs root)
#   ./test.sh --engine-from-env  the tests use the engine at $DOCKER_HOST (else /var/run/docker.sock)
#   PSDOCKER_TEST_ENGINE=unix:///var/run/docker.sock ./test.sh   the tests use that engine
#
# - By default it ALWAYS starts a private dockerd for this run (temporary data/state/socket, its own
#   bridge) and stops it at the end, so the tests never create or remove anything on an engine
#   someone uses; that needs root. A running engine (yours) is used only when asked for, as above:
#   the tests create, stop and remove containers there (labelled, and removed again). Not root and
#   not asked: it stops and says so.
# - installs what is missing (docker.io, busybox-static, docker-registry, docker-compose 1.x for the
#   compose interop test; for the private engine
#   also iproute2; apt-get, as root)
# - builds (Release), runs the C# tests (dotnet test), then the Pester suites in the pwsh of
#   .config/dotnet-tools.json (dotnet tool restore; the PowerShell .NET tool) with the Pester of
#   tests/Pester/Pester.proj (NuGet): the .NET SDK is all it needs.
# - as root it also starts a Podman API service (podman system service, Podman's Docker API) on a
#   socket of its own for the Podman tests (tests/PSDocker.Tests/Podman), or uses PSDOCKER_PODMAN_HOST
# Exits non-zero when a test failed, when the engine could not be had, or when no engine test, no
# Podman test (when Podman was there) or no Pester test ran: the engine tests never skip quietly.
set -euo pipefail
cd "$(dirname "$0")"
repo=$PWD

engine_from_env=0
case "${1:-}" in
  --engine-from-env) engine_from_env=1 ;;
  "") ;;
  *) echo "usage: ./test.sh [--engine-from-env]   (or PSDOCKER_TEST_ENGINE=URI ./test.sh)" >&2; exit 64 ;;
esac
if [ -n "${PSDOCKER_TEST_ENGINE:-}" ]; then
  export DOCKER_HOST=$PSDOCKER_TEST_ENGINE
  engine_from_env=1
fi
# shellcheck source=tools/engine.sh
. tools/engine.sh
if [ "$engine_from_env" = 0 ] && [ "$(id -u)" != 0 ]; then
  psd_die "the tests start a private Docker engine of their own, which needs root: run ./test.sh as root (sudo ./test.sh). To run them against an engine you already have instead, ask for it: ./test.sh --engine-from-env (uses \$DOCKER_HOST, else /var/run/docker.sock) or PSDOCKER_TEST_ENGINE=unix:///path/to/docker.sock ./test.sh; the tests then create and remove containers on it."
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet >/dev/null || psd_die "the .NET SDK (dotnet) is needed: https://dot.net (10.0)."

results="$repo/out/TestResults"
rm -rf "$results"
mkdir -p "$results"

trap 'trap "" INT TERM HUP PIPE; psd_stop_podman; psd_stop_private_engine' EXIT
step_pid=
trap 'psd_say "interrupted"; [ -z "$step_pid" ] || kill -TERM "$step_pid" 2>/dev/null; exit 130' INT TERM HUP
# A reader that went away (./test.sh | tee log, then Ctrl+C): stop writing, but still clean up.
trap 'trap "" PIPE; exit 141' PIPE

# Runs a long step so that Ctrl+C ends this script too: bash runs a trap while it waits with
# `wait`, but not while a foreground child that handles SIGINT itself (dotnet, pwsh) runs.
step() {
  "$@" &
  step_pid=$!
  local rc=0
  wait "$step_pid" || rc=$?
  step_pid=
  return "$rc"
}

psd_require docker busybox-static docker-registry docker-compose
if [ "$engine_from_env" = 1 ]; then
  # Asked for: the engine the environment names, and no other.
  psd_engine_reachable || psd_die "no Docker engine answers at $(psd_engine_name), the engine you asked the tests to use."
  psd_say "engine: $(psd_engine_name) (asked for: the tests create and remove labelled containers there)"
else
  psd_require dockerd iproute2
  psd_start_private_engine
fi
psd_say "Docker $(docker version --format '{{.Server.Version}}') at $(psd_engine_name)"
psd_base_image psdocker/busybox:latest

# The second engine: Podman's Docker API, which the container cmdlets must keep working against.
# Started here like the private engine (as root); asked for with PSDOCKER_PODMAN_HOST otherwise.
podman_tests=0
if [ -n "${PSDOCKER_PODMAN_HOST:-}" ]; then
  podman_tests=1
elif [ "$(id -u)" = 0 ]; then
  psd_require podman
  psd_start_podman psdocker/busybox:latest
  podman_tests=1
else
  psd_say "no Podman: the Podman tests are skipped (set PSDOCKER_PODMAN_HOST, or run as root)"
fi

psd_say "building (Release)"
step dotnet build tests/PSDocker.Tests/PSDocker.Tests.csproj -c Release -nologo >"$results/build.log" 2>&1 \
  || { cat "$results/build.log" >&2; psd_die "dotnet build failed."; }

# The C# tests: unit tests and real-runspace engine tests.
psd_say "C# tests (dotnet test)"
csharp_rc=0
step dotnet test tests/PSDocker.Tests/PSDocker.Tests.csproj -c Release --no-build -nologo \
  --logger 'trx;LogFileName=csharp.trx' --results-directory "$results" || csharp_rc=$?

trx="$results/csharp.trx"
counter() { grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
problems=()
if [ -f "$trx" ]; then
  cs_total=$(counter total); cs_executed=$(counter executed); cs_passed=$(counter passed)
  cs_failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
  cs_skipped=$(( cs_total - cs_executed ))
  # Engine tests live in the Engine namespace; each must have run, none skipped.
  engine_ran=$(grep -o '<UnitTestResult [^>]*' "$trx" | grep -E 'testName="PSDocker\.Tests\.Engine\.' | grep -cE 'outcome="(Passed|Failed)"' || true)
  engine_skipped=$(grep -o '<UnitTestResult [^>]*' "$trx" | grep -E 'testName="PSDocker\.Tests\.Engine\.' | grep -cvE 'outcome="(Passed|Failed)"' || true)
  [ "$engine_ran" -gt 0 ] || problems+=("no engine test ran")
  [ "$engine_skipped" -eq 0 ] || problems+=("$engine_skipped engine tests did not run")
  podman_ran=$(grep -o '<UnitTestResult [^>]*' "$trx" | grep -E 'testName="PSDocker\.Tests\.Podman\.' | grep -cE 'outcome="(Passed|Failed)"' || true)
  [ "$podman_tests" = 0 ] || [ "$podman_ran" -gt 0 ] || problems+=("no Podman test ran")
  if [ "$csharp_rc" -ne 0 ] && [ "$cs_failed" -eq 0 ]; then
    cs_failed=1
    problems+=("dotnet test exited $csharp_rc")
  fi
else
  cs_total=0 cs_passed=0 cs_skipped=0 cs_failed=1 engine_ran=0
  problems+=("dotnet test wrote no results (exit $csharp_rc)")
fi
psd_say "C# tests: $cs_passed passed, $cs_failed failed, $cs_skipped skipped ($engine_ran against the engine)"

# The Pester suites, in the pinned pwsh (dotnet pwsh) with the pinned Pester (build.ps1 restores it).
pe_passed=0 pe_failed=0 pe_skipped=0
psd_pwsh_init
psd_say "Pester suites (pwsh $(psd_pwsh -NoProfile -NonInteractive -c '$PSVersionTable.PSVersion.ToString()'), .config/dotnet-tools.json)"
pester_rc=0
# pwsh colours Pester's output even when it goes to a file or a pipe: plain text there.
[ -t 1 ] || export NO_COLOR=1
step dotnet "$PSD_PWSH_DLL" -NoProfile -NonInteractive -File build.ps1 -Test -NoBuild -Suite Pester -ResultDirectory "$results" || pester_rc=$?
xml="$results/pester.xml"
if [ -f "$xml" ]; then
  attr() { grep -o '<test-results [^>]*' "$xml" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  pe_total=$(attr total)
  pe_failed=$(( $(attr failures) + $(attr errors) + $(attr invalid) ))
  pe_skipped=$(( $(attr skipped) + $(attr ignored) + $(attr not-run) + $(attr inconclusive) ))
  pe_passed=$(( pe_total - pe_failed - pe_skipped ))
  [ "$pe_total" -gt 0 ] || problems+=("no Pester test ran")
else
  problems+=("the Pester suites wrote no results (exit $pester_rc)")
fi
if [ "$pester_rc" -ne 0 ] && [ "$pe_failed" -eq 0 ]; then
  pe_failed=1
  problems+=("the Pester run failed (exit $pester_rc)")
fi
psd_say "Pester: $pe_passed passed, $pe_failed failed, $pe_skipped skipped"

# The tests remove what they create: on the private engine, anything left is a leak.
if [ "$engine_from_env" = 0 ]; then
  left_containers=$(docker ps -aq | wc -l)
  left_volumes=$(docker volume ls -q | wc -l)
  left_networks=$(docker network ls -q --filter type=custom | wc -l)
  if [ "$left_containers" -gt 0 ] || [ "$left_volumes" -gt 0 ] || [ "$left_networks" -gt 0 ]; then
    problems+=("the tests left behind $left_containers containers, $left_volumes volumes and $left_networks networks")
  fi
fi

psd_stop_podman
psd_stop_private_engine
passed=$(( cs_passed + pe_passed ))
failed=$(( cs_failed + pe_failed ))
skipped=$(( cs_skipped + pe_skipped ))
for p in "${problems[@]+"${problems[@]}"}"; do echo "ERROR: $p" >&2; done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ ${#problems[@]} -eq 0 ]
