#!/bin/sh
# The Linux start command of an app image (bin/Unibar; /usr/bin/unibar and the menu entry point here).
# It replaces jpackage's native launcher, which before every start asks the package manager which package
# owns it (`rpm -qf`, then `dpkg -S`, and `dpkg -L` inside a package, twice over: JDK 17 to 25
# LinuxPackage.c) to find its own library: 0.5-2 s of the bar's start on a Debian desktop, more than the
# bar's whole lead over a plain JavaFX window. This reads the same lib/app/Unibar.cfg (class path in
# order, JVM options, $APPDIR) and starts the bundled runtime directly, so the AppCDS archive, made
# for exactly that class path, still applies. Windows and macOS keep jpackage's launchers (docs/packaging.md).
self=$(readlink -f "$0") || exit 1
root=$(dirname "$(dirname "$self")")
app="$root/lib/app"
cfg="$app/Unibar.cfg"
[ -r "$cfg" ] || { echo "unibar: no $cfg" >&2; exit 1; }

main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
cp=""
# One JVM option per line, $APPDIR expanded; read back line by line so paths with spaces stay whole.
n=$#
while IFS= read -r line; do
  case "$line" in
    app.classpath=*) cp="${cp:+$cp:}$app${line#app.classpath=\$APPDIR}" ;;
    java-options=*)
      opt=${line#java-options=}
      case "$opt" in *'$APPDIR'*) opt="${opt%%\$APPDIR*}$app${opt#*\$APPDIR}" ;; esac
      set -- "$@" "$opt" ;;
  esac
done < "$cfg"
set -- "$@" -Djpackage.app-path="$self" -cp "$cp" "$main"
# The caller's arguments were first; move them behind the main class.
i=0
while [ "$i" -lt "$n" ]; do set -- "$@" "$1"; shift; i=$((i + 1)); done
# glibc gives each thread that allocates its own malloc arena, up to 8 per core, each keeping its freed
# memory: two arenas hold the bar's native heaps (WebKit, Prism, fonts) in less (decision 0088). An
# administrator's own value wins. It only reaches glibc through the environment, before the JVM starts.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$root/lib/runtime/bin/java" "$@"
