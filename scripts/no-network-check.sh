#!/usr/bin/env bash
# No network, shown: every command of the command line, and the window for a few seconds, run in a
# network namespace of their own (`unshare -rn`) under `strace`, which records every socket they open and
# every address they send to. Vigie works offline: nothing may open a socket other than AF_UNIX (the
# window's X11 and D-Bus). The checks the user starts (the imaging-server knock, the box's UPnP mappings,
# the box's rules) run against servers on 127.0.0.1 and may reach only the address and port given.
#
#   bash scripts/no-network-check.sh [PATH/TO/vigie]     (default: target/debug/vigie, built by cargo test)
#
# Before anything else the check is run on a program that opens an Internet socket, and must fail on it
# (the planted socket): a check that cannot fail proves nothing. VIGIE_NO_NETWORK_PLANT=1 plants one in
# the run itself too (a python3 socket in the middle of the commands), to see the whole script fail.
# Without user namespaces (some containers) the commands run in the host's network, still under strace.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "${VIGIE_IN_NETNS:-}" != 1 ]; then
  for tool in strace python3; do
    command -v "$tool" >/dev/null || { echo "no-network-check: $tool is needed" >&2; exit 1; }
  done
  if unshare -rn true 2>/dev/null; then
    # A network namespace of our own: only `lo`, brought up for the 127.0.0.1 servers below.
    exec unshare -rn env VIGIE_IN_NETNS=1 VIGIE_NETNS=yes bash "$0" "$@"
  fi
  echo "no-network-check: user namespaces refused here; strace alone watches the commands" >&2
  export VIGIE_IN_NETNS=1 VIGIE_NETNS=no
fi
if [ "${VIGIE_NETNS:-}" = yes ]; then
  ip link set lo up 2>/dev/null || python3 - <<'PY' || true
import fcntl, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
ifr = struct.pack("16sH", b"lo", 0)
flags = struct.unpack("16sH", fcntl.ioctl(s.fileno(), 0x8913, ifr))[1]
fcntl.ioctl(s.fileno(), 0x8914, struct.pack("16sH", b"lo", flags | 1))
PY
fi

vigie=${1:-$root/target/debug/vigie}
vigie=$(cd "$(dirname "$vigie")" && pwd)/$(basename "$vigie")
[ -x "$vigie" ] || { echo "no-network-check: $vigie not built (cargo build)" >&2; exit 1; }

work=$(mktemp -d)
servers=()
cleanup() {
  local p
  for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${VIGIE_NO_NETWORK_KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
export VIGIE_DATA_DIR=$work/data VIGIE_PASSPHRASE='correct horse battery staple 42' LANG=C.UTF-8
export VIGIE_NEW_PASSPHRASE='another long passphrase for the test 7' VIGIE_KEY_PASSPHRASE='key passphrase for the test 9'
export VIGIE_BOX_PASSWORD="box password for the test 3"
mkdir -p "$work/data" "$work/out" "$work/files"

strace_opts=(-f -qq -e trace=socket,connect,sendto,sendmsg,bind -e signal=none)
strace --seccomp-bpf -o /dev/null true 2>/dev/null && strace_opts+=(--seccomp-bpf)

checked=0
failed=0
# verdict LOG NAME ALLOWED: fails when the trace shows a socket other than AF_UNIX (or AF_NETLINK, the
# kernel's own interface, which reaches no network) while nothing is allowed, or a connect() or send to
# an address not in ALLOWED ("127.0.0.1:PORT ..."). 192.0.2.1:9 is let through: the documentation address
# a UDP socket is "connected" to, sending nothing, to learn this PC's own address (the knock and UPnP).
# bind() is local and not counted.
verdict() {
  local log=$1 name=$2 allowed=$3 out
  if out=$(python3 - "$log" "$allowed" <<'PY'
import re, sys
log, allowed = sys.argv[1], sys.argv[2].split()
text = open(log, errors="replace").read()
families = sorted({f for f in re.findall(r"socket\((\w+)", text)} - {"AF_UNIX", "AF_LOCAL", "PF_LOCAL", "AF_NETLINK"})
reached = set()
for line in text.splitlines():
    if not re.search(r"\b(connect|sendto|sendmsg)\(", line):
        continue
    port = re.search(r"sin6?_port=htons\((\d+)\)", line)
    addr = re.search(r'inet_addr\("([^"]+)"\)', line) or re.search(r'inet_pton\(AF_INET6, "([^"]+)"', line)
    if port and addr:
        reached.add(f"{addr.group(1)}:{port.group(1)}")
bad = []
if not allowed and families:
    bad.append("sockets opened: " + " ".join(families))
unexpected = sorted(reached - set(allowed) - {"192.0.2.1:9"})
if unexpected:
    bad.append("reached " + " ".join(unexpected))
if bad:
    print("; ".join(bad))
    sys.exit(1)
print(" ".join(sorted(reached - {"192.0.2.1:9"})))
PY
  ); then
    checked=$((checked + 1))
    echo "ok    $name${allowed:+ (reached only: ${out:-nothing})}"
  else
    checked=$((checked + 1)); failed=$((failed + 1))
    echo "FAIL  $name: $out"
    return 1
  fi
}

# run NAME ALLOWED EXPECTED_STATUS COMMAND...: the command under strace, its output kept in the work folder.
run() {
  local name=$1 allowed=$2 expected=$3; shift 3
  local log=$work/strace.$checked status=0 t0=$SECONDS
  strace "${strace_opts[@]}" -o "$log" -- "$@" >"$work/out/$checked.stdout" 2>"$work/out/$checked.stderr" </dev/null || status=$?
  if [ "$expected" != any ] && [ "$status" != "$expected" ]; then
    echo "FAIL  $name: exit status $status, expected $expected"
    sed 's/^/      /' "$work/out/$checked.stderr" | head -5
    failed=$((failed + 1)); checked=$((checked + 1))
    return 0
  fi
  verdict "$log" "$name [$((SECONDS - t0)) s]" "$allowed" || true
}

# The check must fail on a planted socket.
self_test() {
  local log=$work/strace.plant
  strace "${strace_opts[@]}" -o "$log" -- python3 -c \
    'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b"x", ("127.0.0.1", 9))' \
    >/dev/null 2>&1 || true
  if verdict "$log" "planted AF_INET socket (must be caught)" "" >/dev/null; then
    echo "FAIL  the check did not catch a planted socket"; exit 1
  fi
  echo "ok    a planted AF_INET socket is caught"
  checked=0; failed=0
}
self_test
echo "network namespace of its own: ${VIGIE_NETNS}"

V=("$vigie" --lang fr)
D=$work/files
printf 'Compte rendu\n' > "$D/note.txt"
cp "$root/README.md" "$D/readme.md"

run "demo" "" 0 "${V[@]}" demo --vault "$work/demo.vigie"
run "vault init" "" 0 "${V[@]}" vault init --vault "$work/new.vigie" --practice "Cabinet du Test Réseau"
run "vault check" "" 0 "${V[@]}" vault check --vault "$work/demo.vigie"
run "vault passwd" "" 0 "${V[@]}" vault passwd --vault "$work/new.vigie"
run "assessment sign" "" 0 "${V[@]}" assessment sign --vault "$work/demo.vigie"
run "assessment list" "" 0 "${V[@]}" assessment list --vault "$work/demo.vigie"
run "assessment new-key" "" 0 "${V[@]}" assessment new-key --out "$work/consultant.key" --name "Consultant Test"
for kind in assessment action-plan scan breaches breach-register; do
  run "export $kind" "" 0 "${V[@]}" export --vault "$work/demo.vigie" --kind "$kind" --out "$work/out/$kind.pdf"
done
for kind in register notice notice-a5 processors; do
  run "export $kind" "" 0 "${V[@]}" export --vault "$work/demo.vigie" --kind "$kind" --out "$work/out/$kind.pdf"
done
run "export processor-letter" "" any "${V[@]}" export --vault "$work/demo.vigie" --kind processor-letter --processor 1 --out "$work/out/letter.pdf"
run "export reminders" "" 0 "${V[@]}" export --vault "$work/demo.vigie" --kind reminders --out "$work/out/reminders.ics"
run "export binder" "" 0 "${V[@]}" export --vault "$work/demo.vigie" --kind binder --out "$work/binder"
for kind in notification patient-letter; do
  # The demo's breach 1 decided not to inform the patients: its letter is refused (exit 2), by design.
  run "export $kind" "" any "${V[@]}" export --vault "$work/demo.vigie" --kind "$kind" --breach 1 --out "$work/out/$kind.pdf"
done
run "breach countersign-head" "" any "${V[@]}" breach countersign-head "$work/out/breach-register.pdf" --key "$work/consultant.key"
run "export signed-assessment" "" 0 "${V[@]}" export --vault "$work/demo.vigie" --kind signed-assessment --out "$work/signed"
bundle=$(find "$work/signed" -name '*.vigie-assessment' | head -1)
run "verify" "" any "${V[@]}" verify "${bundle:-$work/signed}"
run "assessment countersign" "" 0 "${V[@]}" assessment countersign --vault "$work/demo.vigie" --key "$work/consultant.key"
run "scan" "" any "${V[@]}" scan "$D" "$work/out"
run "scan (json)" "" any "${V[@]}" scan --format json "$D"
run "breach list" "" 0 "${V[@]}" breach list --vault "$work/demo.vigie"
run "breach show" "" 0 "${V[@]}" breach show 1 --vault "$work/demo.vigie"
run "breach verify" "" 0 "${V[@]}" breach verify --vault "$work/demo.vigie"
run "breach assess --template" "" 0 "${V[@]}" breach assess --template
"$vigie" breach assess --template > "$work/facts.json" 2>/dev/null || true
run "breach assess" "" any "${V[@]}" breach assess "$work/facts.json"
run "archive key" "" 0 "${V[@]}" archive key --vault "$work/demo.vigie" --out "$work/archive-key.txt"
run "archive encrypt" "" 0 "${V[@]}" archive encrypt --vault "$work/demo.vigie" --out "$work/a.age" "$D"
run "archive list" "" 0 "${V[@]}" archive list --vault "$work/demo.vigie" "$work/a.age"
run "archive verify" "" 0 "${V[@]}" archive verify --identity "$work/archive-key.txt" "$work/a.age"
run "archive decrypt" "" 0 "${V[@]}" archive decrypt --vault "$work/demo.vigie" --to "$work/restored" "$work/a.age"
run "system-check" "" 0 "${V[@]}" system-check
run "system-check (json)" "" 0 "${V[@]}" system-check --format json
if [ "${VIGIE_NO_NETWORK_PLANT:-}" = 1 ]; then
  run "planted socket (VIGIE_NO_NETWORK_PLANT=1)" "" any python3 -c \
    'import socket; socket.create_connection(("127.0.0.1", 9), timeout=1)'
fi

# The checks the user starts, against servers on 127.0.0.1 (they stop by themselves after 60 s).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# In a namespace of our own, the fake Orthanc listens on its usual port on every address (only `lo` is
# up there), so that the knock finds it among this PC's listeners; elsewhere on 127.0.0.1 only, and the
# knock may find nothing to knock on.
if [ "${VIGIE_NETNS:-}" = yes ]; then http_host=0.0.0.0 http_port=8042; else http_host=127.0.0.1 http_port=$(free_port); fi
python3 - "$http_host" "$http_port" <<'PY' &
import http.server, sys, threading
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"ApiVersion":22,"DicomAet":"ORTHANC","Name":"Fake","Version":"1.12.4"}'
        self.send_response(401 if self.headers.get("Authorization") is None and self.path == "/system" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *a):
        pass
s = http.server.ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), H)
threading.Timer(60, s.shutdown).start()
s.serve_forever()
PY
servers+=($!)
ssdp_port=$(python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$ssdp_port" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.settimeout(60)
try:
    while True:
        s.recvfrom(2048)  # a silent gateway: the discovery ends on its own deadline
except OSError:
    pass
PY
servers+=($!)
for _ in $(seq 50); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $http_port), 1)" 2>/dev/null && break
  sleep 0.1
done

run "system-check --probe-network (127.0.0.1)" "127.0.0.1:$http_port" 0 \
  "${V[@]}" system-check --probe-network --probe-address 127.0.0.1
run "system-check --box-mappings (SSDP to 127.0.0.1)" "127.0.0.1:$ssdp_port" 0 \
  "${V[@]}" system-check --box-mappings --ssdp-address "127.0.0.1:$ssdp_port"
run "box-check (127.0.0.1)" "127.0.0.1:$http_port" any \
  "${V[@]}" box-check --address 127.0.0.1 --port "$http_port" --kind livebox
# Guessing the family also asks the Bbox's HTTPS API at port 443 of the same address (a Bbox may
# answer only there: docs/boxes.md).
run "box-check (127.0.0.1, kind guessed)" "127.0.0.1:$http_port 127.0.0.1:443" any \
  "${V[@]}" box-check --address 127.0.0.1 --port "$http_port"

# The window, a few seconds under Xvfb with the demo vault in its data folder: AF_UNIX only.
if command -v xvfb-run >/dev/null; then
  run "the window (Xvfb, 6 s)" "" any xvfb-run -a -s "-nolisten tcp" \
    timeout -s INT 6 "$vigie" --data-dir "$work/data"
  # xvfb-run's own X server is in the trace too: only its unix sockets may appear.
  grep -q 'execve\|socket(AF_UNIX' "$work/strace.$((checked - 1))" || echo "      (the window opened no socket at all)"
else
  echo "skip  the window: xvfb-run is not installed"
fi

echo
echo "no-network-check: $((checked - failed)) passed, $failed failed"
[ "$failed" = 0 ]
