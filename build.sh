#!/usr/bin/env bash
# Builds the PSDocker module (out/PSDocker, with its help in en-US), makes sure a Docker engine and a
# local base image are there, then runs a short tour of the cmdlets (tools/demo.ps1) in pwsh: the
# PowerShell .NET tool pinned in .config/dotnet-tools.json (dotnet tool restore; dotnet pwsh), so no
# pwsh needs to be installed.
#
#   ./build.sh            build + demo
#   ./build.sh --no-demo  build only
#
# Needs the .NET 10 SDK. Without a reachable engine it installs docker.io and busybox-static and
# starts dockerd (as root), or says how to point it at one.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=tools/engine.sh
. tools/engine.sh

demo=1
case "${1:-}" in
  --no-demo) demo=0 ;;
  "") ;;
  *) echo "usage: ./build.sh [--no-demo]" >&2; exit 64 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet >/dev/null || psd_die "the .NET SDK (dotnet) is needed: https://dot.net (10.0)."

psd_say "building out/PSDocker (Release)"
mkdir -p out
dotnet build src/PSDocker/PSDocker.csproj -c Release -nologo >out/build.log 2>&1 || { cat out/build.log >&2; psd_die "dotnet build failed."; }
[ "$demo" = 1 ] || exit 0

# An engine: the one at $DOCKER_HOST, else the default socket; as root, install and start one.
psd_require docker
if ! psd_engine_reachable; then
  if [ -n "${DOCKER_HOST:-}" ]; then
    psd_die "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST. Start it, or unset DOCKER_HOST to use /var/run/docker.sock."
  fi
  if [ "$(id -u)" != 0 ]; then
    psd_die "no Docker engine answers at unix:///var/run/docker.sock. Start one (sudo dockerd &, or sudo systemctl start docker), add yourself to the docker group, or set DOCKER_HOST=unix:///path/to/docker.sock or tcp://host:2375, then run ./build.sh again."
  fi
  psd_require dockerd
  psd_start_system_engine "$PWD/out/dockerd.log"
fi
psd_say "engine: $(psd_engine_name) (Docker $(docker version --format '{{.Server.Version}}'))"

base=psdocker/busybox:latest
psd_base_image "$base"

psd_say "running tools/demo.ps1 in pwsh (dotnet pwsh, .config/dotnet-tools.json)"
psd_pwsh -NoProfile -NonInteractive -File tools/demo.ps1 -Image "$base"
psd_say "done. Try it: dotnet pwsh -NoExit -c 'Import-Module ./out/PSDocker'"
