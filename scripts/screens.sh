#!/usr/bin/env bash
# Screenshots of every screen of the real window, for a person to look at before calling a screen done:
#   scripts/screens.sh OUT_DIR [PROGRAM]
# PROGRAM defaults to target/release/vigie (target/debug/vigie works too). For each size (1024×768 and
# 1600×1000) and language (fr, en) it starts the program on a fresh data folder under Xvfb, creates a
# vault (create form, recovery code), then opens the demo practice and every page of the main window,
# and the unlock screen after locking. Needs xvfb, xdotool and imagemagick (apt-get install -y xvfb
# xauth xdotool imagemagick). The clicks are at positions measured on these layouts: a screen whose
# layout changed may need them measured again (look at the PNGs: a wrong click shows the wrong page).
set -euo pipefail

out=${1:?usage: scripts/screens.sh OUT_DIR [PROGRAM]}
program=$(realpath "${2:-target/release/vigie}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'pkill -f "$program" 2>/dev/null || true; kill ${xvfb:-0} 2>/dev/null || true; rm -rf "$work"' EXIT

# The navigation's rows (y, at both sizes): French wraps "Analyse des dossiers" on two lines.
declare -A NAV_FR=([dashboard]=114 [checklist]=156 [scan]=205 [actions]=256 [reports]=298 [profile]=340 [settings]=382)
declare -A NAV_EN=([dashboard]=114 [checklist]=156 [scan]=198 [actions]=240 [reports]=282 [profile]=324 [settings]=366)

shot() { sleep "${2:-0.7}"; import -window root "$out/$1.png"; }

start() { # start LANG W H DATA
    (cd "$work" && "$program" --lang "$1" --data-dir "$4" >"$work/log" 2>&1 &)
    for _ in $(seq 50); do
        wid=$(xdotool search --name '^Vigie$' 2>/dev/null | head -1) && [ -n "$wid" ] && break
        sleep 0.2
    done
    xdotool windowmove "$wid" 0 0 windowsize "$wid" "$2" "$3"
    xdotool windowfocus "$wid"
    sleep 1
}

stop() { pkill -f "$program" || true; sleep 0.5; }

display=99
for size in 1024x768 1600x1000; do
    W=${size%x*}
    H=${size#*x}
    Xvfb ":$display" -screen 0 "${W}x${H}x24" >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=":$display"
    sleep 1
    left=$(((W - 640) / 2))
    button=$((left + 230))
    for lang in fr en; do
        tag="$size-$lang"
        # Welcome, creation, recovery code.
        start "$lang" "$W" "$H" "$work/data-$tag"
        shot "$tag-01-welcome"
        xdotool mousemove "$button" 262 click 1
        shot "$tag-02-create"
        xdotool mousemove "$button" 195 click 1
        xdotool type --delay 15 "Cabinet du Dr Hélène Martin"
        xdotool mousemove "$button" 350 click 1
        xdotool type --delay 15 "cheval-agrafe-lune-27"
        xdotool key Tab
        xdotool type --delay 15 "cheval-agrafe-lune-27"
        shot "$tag-03-create-filled"
        xdotool mousemove $((left + 141)) 572 click 1
        shot "$tag-04-recovery" 5
        stop
        # The demo practice: every page, then locked.
        start "$lang" "$W" "$H" "$work/demo-$tag"
        xdotool mousemove "$button" 424 click 1
        sleep 6
        if [ "$lang" = fr ]; then declare -n nav=NAV_FR; else declare -n nav=NAV_EN; fi
        n=5
        for page in dashboard checklist scan actions reports profile settings; do
            xdotool mousemove 94 "${nav[$page]}" click 1
            shot "$tag-$(printf %02d $n)-$page" 1.5
            # The bottom of the page too: nothing may be cut off there.
            xdotool mousemove $((W / 2)) $((H / 2))
            for _ in $(seq 40); do xdotool click 5; done
            shot "$tag-$(printf %02d $n)-$page-bottom"
            n=$((n + 1))
        done
        xdotool mousemove $((W - 55)) 20 click 1
        shot "$tag-$(printf %02d $n)-locked"
        stop
    done
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    display=$((display + 1))
done
ls "$out"
