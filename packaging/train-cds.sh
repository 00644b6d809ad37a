#!/usr/bin/env bash
# AppCDS for a Linux app image, step 1: starts the bar once in demo mode under a virtual display, lets it
# run until the vendor page has connected, and keeps the list of classes it loaded
# (lib/app/unibar.classlist). Step 2, packaging/linux/cds-dump.sh, turns the list into a static archive
# (lib/app/unibar.jsa) that the launcher maps at every start instead of loading and verifying those classes
# again. On JDK 17 an archive holds the absolute class path it was made with, so step 2 runs where the bar
# is installed: in the .deb/.rpm's post-install script, or here for a local app image.
#   packaging/train-cds.sh path/to/Unibar      (the app image folder)
set -euo pipefail
app="$1"
list="$app/lib/app/unibar.classlist"
cfg="$app/lib/app/Unibar.cfg"
[ -x "$app/bin/Unibar" ] || { echo "train-cds.sh: no launcher in $app" >&2; exit 1; }

tmp=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
display="${DISPLAY:-}"
if [ -z "$display" ]; then
  command -v Xvfb >/dev/null || { echo "train-cds.sh: no DISPLAY and no Xvfb" >&2; exit 1; }
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
  sleep 1
fi

# A home of its own: the training start must not meet (or hand its start to) a bar the user runs.
mkdir -p "$tmp/home"
rm -f "$list"
HOME="$tmp/home" XDG_CONFIG_HOME= XDG_STATE_HOME= XDG_DATA_HOME= UNIBAR_CONFIG= DISPLAY="$display" \
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dunibar.startup.trace=$tmp/trace -Dunibar.startup.exitAfter=connected" \
  timeout 180 "$app/bin/Unibar" > "$tmp/log" 2>&1 || true
if [ ! -s "$list" ] || ! grep -q '^connected ' "$tmp/trace" 2>/dev/null; then
  echo "train-cds.sh: training start did not reach 'connected'; its output:" >&2
  tail -20 "$tmp/log" >&2
  rm -f "$list"
  exit 1
fi
grep -q 'SharedArchiveFile' "$cfg" || printf 'java-options=-XX:SharedArchiveFile=$APPDIR/unibar.jsa\njava-options=-Xshare:auto\n' >> "$cfg"
echo "train-cds.sh: $(wc -l < "$list") classes listed by a start that connected in $(sed -n 's/^connected //p' "$tmp/trace") ms"
