#!/usr/bin/env bash
# Install check (run by .ci/run after the tests, as root): builds the .deb, installs it with dpkg on this
# machine, starts the installed bar in demo mode under Xvfb, finds its window, takes a screenshot, checks
# the single-instance channel, then purges the package and checks that nothing is left but the user's
# own files and that dpkg is clean. Output: target/ci-install/ (screenshot, logs).
#   packaging/ci-install-check.sh            (needs root and Debian's apt; about 5 minutes)
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(pwd)/target/ci-install"
rm -rf "$out"; mkdir -p "$out"
step() { echo "ci-install-check: $*"; }
fail() { echo "ci-install-check: FAIL: $*" >&2; [ -f "$out/bar.log" ] && { echo "--- bar output (last 30 lines):" >&2; tail -30 "$out/bar.log" >&2; }; exit 1; }
[ "$(id -u)" = 0 ] || fail "must run as root (it installs a package with dpkg)"
command -v apt-get >/dev/null || fail "needs a Debian-like system with apt-get"

# ---- tools ----------------------------------------------------------------------------------------
need=()
for p in fakeroot xvfb xdotool imagemagick libgtk-3-0 x11-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  apt-get update -q >/dev/null || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
    || fail "apt-get install ${need[*]} failed"
fi

# ---- leftovers of an earlier run ------------------------------------------------------------------
if dpkg-query -W -f='${Status}' unibar 2>/dev/null | grep -q 'installed\|config-files\|half'; then
  step "purging an earlier unibar package"
  dpkg --purge unibar >/dev/null 2>&1 || fail "an earlier unibar package cannot be purged (dpkg --purge unibar)"
fi
[ -d /etc/xdg/menus ] && step "note: /etc/xdg/menus exists here" || step "no /etc/xdg/menus here (the case that used to fail dpkg -i)"

# ---- build ----------------------------------------------------------------------------------------
start=$(date +%s)
if [ "${UNIBAR_CI_REUSE_DEB:-}" = 1 ] && ls target/installer/unibar_*.deb >/dev/null 2>&1; then
  step "reusing the .deb already in target/installer (UNIBAR_CI_REUSE_DEB=1)"
else
  step "building the .deb (packaging/jpackage.sh deb)"
  [ -f target/unibar.jar ] || mvn -q -B -ntp -DskipTests package || fail "mvn package failed"
  timeout 900 bash packaging/jpackage.sh deb > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; fail "packaging/jpackage.sh deb failed (log: $out/build.log)"; }
fi
deb=$(ls target/installer/unibar_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no target/installer/unibar_*.deb after the build"
step "built $deb: $(du -h "$deb" | cut -f1) in $(( $(date +%s) - start )) s"

# ---- install with dpkg ----------------------------------------------------------------------------
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//g; s/|.*//; s/ //g' | grep -v '^$' | tr '\n' ' ')
missing=()
for d in $deps; do dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q 'install ok installed' || missing+=("$d"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing the package's dependencies: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "cannot install the package's dependencies ${missing[*]}"
fi
step "dpkg -i $(basename "$deb")"
dpkg -i "$deb" > "$out/dpkg-install.log" 2>&1 || { cat "$out/dpkg-install.log" >&2; fail "dpkg -i failed"; }
dpkg-query -W -f='${Status}' unibar | grep -q 'install ok installed' || fail "unibar is not 'install ok installed' after dpkg -i"
for f in /opt/unibar/bin/Unibar /usr/bin/unibar /usr/share/applications/unibar.desktop \
         /usr/share/icons/hicolor/256x256/apps/unibar.png /usr/share/icons/hicolor/scalable/apps/unibar.svg; do
  [ -e "$f" ] || fail "$f is missing after install"
done
grep -q 'x-scheme-handler/tel' /usr/share/applications/unibar.desktop || fail "the desktop entry does not register tel: links"
v=$(/usr/bin/unibar --version 2>/dev/null) || fail "unibar --version failed"
[ "$v" = "unibar $(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)" ] || fail "unibar --version printed '$v'"
[ -f /opt/unibar/lib/app/unibar.jsa ] && step "AppCDS archive made at install: $(du -h /opt/unibar/lib/app/unibar.jsa | cut -f1)" \
  || step "note: no AppCDS archive after install (the bar starts without it)"

# ---- start the installed bar under Xvfb -----------------------------------------------------------
home=$(mktemp -d)
mkdir -p "$home/.config/unibar"
printf '# the user config the purge must leave alone\nlanguage: en\n' > "$home/.config/unibar/config.yml"
display=""
for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$out/xvfb.log" 2>&1 & xvfb=$!
bar=""
cleanup() { [ -n "$bar" ] && kill "$bar" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$home"; }
trap cleanup EXIT
sleep 1
kill -0 "$xvfb" 2>/dev/null || fail "Xvfb did not start (see $out/xvfb.log)"
run() { env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY="$display" LANG=C.UTF-8 "$@"; }
step "starting the installed bar (demo mode) on $display"
t0=$(date +%s%3N)
run JAVA_TOOL_OPTIONS="-Dunibar.startup.trace=$out/startup.txt -Dunibar.startup.t0=$t0" /usr/bin/unibar > "$out/bar.log" 2>&1 & bar=$!
win=""
for _ in $(seq 1 180); do
  kill -0 "$bar" 2>/dev/null || fail "the installed bar exited before showing a window"
  win=$(DISPLAY="$display" xdotool search --onlyvisible --name '^Unibar' 2>/dev/null | head -1)
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || fail "no window named 'Unibar…' within 90 s"
step "window $win '$(DISPLAY="$display" xdotool getwindowname "$win")' after $(( $(date +%s%3N) - t0 )) ms"
for _ in $(seq 1 120); do grep -q '^connected' "$out/startup.txt" 2>/dev/null && break; sleep 0.5; done
grep -q '^connected' "$out/startup.txt" 2>/dev/null || fail "the bar never connected to its demo simulator (trace: $out/startup.txt)"
sleep 1
DISPLAY="$display" import -window root "$out/installed-bar.png" || fail "screenshot failed"
colors=$(convert "$out/installed-bar.png" -format '%k' info: 2>/dev/null || echo 0)
[ "${colors:-0}" -gt 16 ] || fail "the screenshot is blank ($colors colours): $out/installed-bar.png"
step "screenshot $out/installed-bar.png ($colors colours); start-up: $(tr '\n' ' ' < "$out/startup.txt")"

# A second start hands over to the first; `unibar dial` reaches it through the per-user channel.
reply=$(run timeout 30 /usr/bin/unibar 2>&1) || fail "a second start failed: $reply"
echo "$reply" | grep -q 'brought forward' || fail "a second start did not hand over to the running bar: $reply"
n=$(DISPLAY="$display" xdotool search --onlyvisible --name '^Unibar' | wc -l)
[ "$n" = 1 ] || fail "$n Unibar windows after a second start (expected 1)"
reply=$(run timeout 30 /usr/bin/unibar dial 'tel:+420 601 123 456' 2>&1) || fail "unibar dial failed: $reply"
echo "$reply" | grep -q '+420601123456' || fail "unibar dial: unexpected reply: $reply"
step "second start and 'unibar dial' handed to the running bar ($reply)"

kill "$bar"; for _ in $(seq 1 20); do kill -0 "$bar" 2>/dev/null || break; sleep 0.5; done
kill -9 "$bar" 2>/dev/null; bar=""

# ---- purge ----------------------------------------------------------------------------------------
step "dpkg --purge unibar"
dpkg --purge unibar > "$out/dpkg-purge.log" 2>&1 || { cat "$out/dpkg-purge.log" >&2; fail "dpkg --purge unibar failed"; }
st=$(dpkg-query -W -f='${Status}' unibar 2>/dev/null || true)
[ -z "$st" ] || [ "$st" = "unknown ok not-installed" ] || fail "dpkg still lists unibar after purge: '$st'"
audit=$(dpkg --audit 2>&1)
[ -z "$audit" ] || fail "dpkg --audit is not clean: $audit"
left=$(ls -d /opt/unibar /usr/bin/unibar /usr/share/applications/unibar.desktop /usr/share/icons/hicolor/*/apps/unibar.* \
       /usr/share/doc/unibar /var/lib/dpkg/info/unibar.* 2>/dev/null)
[ -z "$left" ] || fail "files left after purge: $left"
[ -f "$home/.config/unibar/config.yml" ] || fail "the purge removed the user's config"
step "purged: nothing left outside the user's home; kept there: $(cd "$home" && find . -type f | grep -v '\.lck$' | sort | tr '\n' ' ')"
step "OK (installer $(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB)"
