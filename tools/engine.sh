# shellcheck shell=bash
# Sourced by build.sh, test.sh and .ci/run: Debian packages, pwsh, finding or starting a Docker
# engine, and the busybox base image. Every function prints what it does on stderr, prefixed with "==>".

psd_say() { echo "==> $*" >&2; }
psd_die() { echo "ERROR: $*" >&2; exit 1; }

# psd_pwsh ARG...: runs the pwsh pinned in .config/dotnet-tools.json (the PowerShell .NET tool from
# NuGet, what `dotnet pwsh` runs): the same pwsh on every machine with the .NET SDK, whatever pwsh is
# (or is not) on PATH. psd_pwsh_init fetches it once (dotnet tool restore) and sets PSD_PWSH_DLL,
# so that `dotnet "$PSD_PWSH_DLL" ARG...` runs it as one process (a script that must be able to
# stop it starts it that way; `dotnet tool run` would put a launcher process in between).
PSD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PSD_PWSH_DLL=
psd_pwsh_init() {
  [ -z "$PSD_PWSH_DLL" ] || return 0
  (cd "$PSD_ROOT" && dotnet tool restore >/dev/null) || psd_die "dotnet tool restore (the pwsh of .config/dotnet-tools.json) failed."
  PSD_PWSH_DLL=$(cd "$PSD_ROOT" && dotnet tool run pwsh -- -NoProfile -NonInteractive -c 'Join-Path $PSHOME pwsh.dll') \
    && [ -f "$PSD_PWSH_DLL" ] || psd_die "the pwsh of .config/dotnet-tools.json does not start (dotnet pwsh)."
}
psd_pwsh() {
  psd_pwsh_init
  dotnet "$PSD_PWSH_DLL" "$@"
}

# psd_require NEED...: makes sure each need is met, installing the Debian packages of those that are
# not (apt-get update first), as root; otherwise says what to install and fails. A need is met by
# what is there, whatever installed it (docker-ce does as well as docker.io):
#   docker  the docker CLI            dockerd          the engine          busybox-static  a static /bin/busybox
#   docker-registry  the registry     iproute2         the ip command      podman  Podman (its Docker API)
#   docker-compose   docker-compose 1.x (the compose interop tests)
psd_need_met() {
  case $1 in
    docker | dockerd | docker-registry | podman | docker-compose) command -v "$1" >/dev/null ;;
    busybox-static) [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 ;;
    iproute2) command -v ip >/dev/null ;;
    *) psd_die "psd_need_met: unknown need $1" ;;
  esac
}

psd_require() {
  local missing=() need pkg
  for need in "$@"; do
    psd_need_met "$need" && continue
    case $need in docker | dockerd) pkg=docker.io ;; *) pkg=$need ;; esac
    case " ${missing[*]-} " in *" $pkg "*) ;; *) missing+=("$pkg") ;; esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    psd_die "missing: ${missing[*]}. Install them (as root: apt-get install ${missing[*]}) and run this again."
  fi
  psd_say "installing ${missing[*]} (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# psd_engine_reachable: true when the engine the docker CLI would use ($DOCKER_HOST, else the
# default socket /var/run/docker.sock) answers.
psd_engine_reachable() {
  command -v docker >/dev/null || return 1
  timeout 15 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# psd_engine_name: the endpoint in use, for messages.
psd_engine_name() { echo "${DOCKER_HOST:-unix:///var/run/docker.sock}"; }

# psd_wait_for_engine SECONDS PID: waits for the engine to answer; false if it does not in time
# or the dockerd with that PID dies first.
psd_wait_for_engine() {
  local deadline=$((SECONDS + $1)) pid=$2
  until psd_engine_reachable; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
}

# psd_start_system_engine LOG: starts dockerd with its defaults (/var/run/docker.sock) in the
# background, for good: it is the machine's engine from now on. Needs root.
psd_start_system_engine() {
  local log=$1
  psd_say "no Docker engine answers: starting dockerd (log: $log)"
  nohup dockerd >"$log" 2>&1 </dev/null &
  local pid=$!
  disown "$pid"
  if ! psd_wait_for_engine 60 "$pid"; then
    tail -n 20 "$log" >&2 || true
    psd_die "dockerd did not come up within 60 s (log: $log)."
  fi
  psd_say "dockerd is running (pid $pid)"
}

# psd_start_private_engine: starts a dockerd of its own for this run: data, state, pid file and
# socket in a temporary directory, its own bridge (so an engine already on this machine is not
# disturbed: no shared docker0, no iptables changes; published ports still work through
# docker-proxy), DOCKER_HOST exported for everything after. psd_stop_private_engine undoes it all.
PSD_PRIVATE_DIR=
PSD_PRIVATE_PID=
PSD_PRIVATE_BRIDGE=
PSD_PRIVATE_RULE=
psd_start_private_engine() {
  PSD_PRIVATE_DIR=$(mktemp -d /tmp/psdocker-engine.XXXXXX)
  PSD_PRIVATE_BRIDGE="psd$$"
  local subnet=$(( $$ % 200 + 20 ))
  psd_say "starting a private dockerd for this run in $PSD_PRIVATE_DIR (bridge $PSD_PRIVATE_BRIDGE, 10.213.$subnet.1/24)"
  ip link add name "$PSD_PRIVATE_BRIDGE" type bridge
  ip addr add "10.213.$subnet.1/24" dev "$PSD_PRIVATE_BRIDGE"
  ip link set "$PSD_PRIVATE_BRIDGE" up
  # Its user networks come from a pool of its own, so one firewall rule can let them talk: a Docker
  # engine that ran on this machine before leaves the FORWARD policy at DROP, and bridged traffic
  # goes through it (br_netfilter); this engine runs without iptables of its own.
  echo '{"default-address-pools": [{"base": "10.212.0.0/16", "size": 24}]}' >"$PSD_PRIVATE_DIR/daemon.json"
  if command -v iptables >/dev/null && iptables -I FORWARD 1 -s 10.212.0.0/15 -d 10.212.0.0/15 -j ACCEPT 2>/dev/null; then
    PSD_PRIVATE_RULE=1
  fi
  # A session of its own: Ctrl+C in the terminal reaches the tests, not the engine, which is
  # stopped in order (psd_stop_private_engine) when the run ends.
  setsid dockerd \
    --config-file "$PSD_PRIVATE_DIR/daemon.json" \
    --host "unix://$PSD_PRIVATE_DIR/docker.sock" \
    --data-root "$PSD_PRIVATE_DIR/data" \
    --exec-root "$PSD_PRIVATE_DIR/exec" \
    --pidfile "$PSD_PRIVATE_DIR/dockerd.pid" \
    --bridge "$PSD_PRIVATE_BRIDGE" \
    --iptables=false --ip-masq=false --ip-forward=false \
    >"$PSD_PRIVATE_DIR/dockerd.log" 2>&1 </dev/null &
  PSD_PRIVATE_PID=$!
  export DOCKER_HOST="unix://$PSD_PRIVATE_DIR/docker.sock"
  if ! psd_wait_for_engine 60 "$PSD_PRIVATE_PID"; then
    tail -n 30 "$PSD_PRIVATE_DIR/dockerd.log" >&2 || true
    psd_die "the private dockerd did not come up within 60 s."
  fi
  PSD_PRIVATE_PID=$(cat "$PSD_PRIVATE_DIR/dockerd.pid" 2>/dev/null || echo "$PSD_PRIVATE_PID")
  psd_say "private dockerd is running (pid $PSD_PRIVATE_PID, DOCKER_HOST=$DOCKER_HOST)"
}

psd_stop_private_engine() {
  if [ -n "$PSD_PRIVATE_PID" ] && kill -0 "$PSD_PRIVATE_PID" 2>/dev/null; then
    psd_say "stopping the private dockerd (pid $PSD_PRIVATE_PID)"
    # Everything in it is this run's: removed at once, it does not wait out each stop timeout.
    local ids
    ids=$(timeout 20 docker ps -aq 2>/dev/null || true)
    [ -z "$ids" ] || timeout 30 docker rm -f -v $ids >/dev/null 2>&1 || true
    kill -TERM "$PSD_PRIVATE_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do
      kill -0 "$PSD_PRIVATE_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$PSD_PRIVATE_PID" 2>/dev/null; then
      kill -KILL "$PSD_PRIVATE_PID" 2>/dev/null || true
    fi
    wait "$PSD_PRIVATE_PID" 2>/dev/null || true
  fi
  PSD_PRIVATE_PID=
  if [ -n "$PSD_PRIVATE_BRIDGE" ]; then
    ip link del "$PSD_PRIVATE_BRIDGE" 2>/dev/null || true
    PSD_PRIVATE_BRIDGE=
  fi
  if [ -n "$PSD_PRIVATE_RULE" ]; then
    iptables -D FORWARD -s 10.212.0.0/15 -d 10.212.0.0/15 -j ACCEPT 2>/dev/null || true
    PSD_PRIVATE_RULE=
  fi
  if [ -n "$PSD_PRIVATE_DIR" ]; then
    # Whatever dockerd left mounted (it unmounts on a clean stop) must go before the files.
    { grep -o " $PSD_PRIVATE_DIR[^ ]*" /proc/mounts 2>/dev/null || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$PSD_PRIVATE_DIR" 2>/dev/null || psd_say "could not remove all of $PSD_PRIVATE_DIR"
    PSD_PRIVATE_DIR=
  fi
}

# psd_base_image TAG: makes sure TAG is a busybox-static root file system image (busybox and its
# applets in /bin, PATH=/bin, CMD /bin/sh), built locally with docker import: no registry needed.
# Rebuilt when the installed busybox-static changed (the image carries its version as a label).
psd_base_image() {
  local tag=$1 version want have root
  version=$(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null || echo unknown)
  want="busybox-static $version"
  have=$(docker image inspect -f '{{index .Config.Labels "psdocker.base"}}' "$tag" 2>/dev/null || true)
  [ "$have" = "$want" ] && return 0
  psd_require busybox-static
  psd_say "building the base image $tag from $want"
  root=$(mktemp -d /tmp/psdocker-rootfs.XXXXXX)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  tar -C "$root" -c . | docker import \
    -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' -c "LABEL psdocker.base=\"$want\"" \
    -m "$want" - "$tag" >/dev/null
  rm -rf "$root"
}

# psd_start_podman: a Podman API service (podman system service) on a socket of its own, with its
# own containers.conf (these sandboxes need explicit ulimits), the base image loaded into it, and
# PSDOCKER_PODMAN_HOST exported for the tests that check PSDocker against Podman's Docker API.
# psd_stop_podman undoes it (the image stays in Podman's store).
PSD_PODMAN_DIR=
PSD_PODMAN_PID=
psd_start_podman() {
  local image=$1
  PSD_PODMAN_DIR=$(mktemp -d /tmp/psdocker-podman.XXXXXX)
  printf '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]\n' >"$PSD_PODMAN_DIR/containers.conf"
  psd_say "starting a Podman API service in $PSD_PODMAN_DIR"
  CONTAINERS_CONF="$PSD_PODMAN_DIR/containers.conf" setsid podman system service --time=0 "unix://$PSD_PODMAN_DIR/podman.sock" \
    >"$PSD_PODMAN_DIR/podman.log" 2>&1 </dev/null &
  PSD_PODMAN_PID=$!
  export PSDOCKER_PODMAN_HOST="unix://$PSD_PODMAN_DIR/podman.sock"
  local i
  for i in $(seq 1 60); do
    timeout 5 docker -H "$PSDOCKER_PODMAN_HOST" version --format '{{.Server.Version}}' >/dev/null 2>&1 && break
    kill -0 "$PSD_PODMAN_PID" 2>/dev/null || { tail -n 20 "$PSD_PODMAN_DIR/podman.log" >&2; psd_die "the Podman service did not start."; }
    sleep 0.5
  done
  timeout 5 docker -H "$PSDOCKER_PODMAN_HOST" version >/dev/null 2>&1 || psd_die "the Podman service does not answer at $PSDOCKER_PODMAN_HOST."
  docker save "$image" | docker -H "$PSDOCKER_PODMAN_HOST" load >/dev/null
  psd_say "Podman $(docker -H "$PSDOCKER_PODMAN_HOST" version --format '{{.Server.Version}}') at $PSDOCKER_PODMAN_HOST"
}

psd_stop_podman() {
  if [ -n "$PSD_PODMAN_PID" ] && kill -0 "$PSD_PODMAN_PID" 2>/dev/null; then
    kill -TERM "$PSD_PODMAN_PID" 2>/dev/null || true
    wait "$PSD_PODMAN_PID" 2>/dev/null || true
  fi
  PSD_PODMAN_PID=
  [ -z "$PSD_PODMAN_DIR" ] || rm -rf "$PSD_PODMAN_DIR"
  PSD_PODMAN_DIR=
}
