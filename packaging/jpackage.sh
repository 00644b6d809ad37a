#!/usr/bin/env bash
# Builds Unibar's installers with jpackage (JDK 17+); docs/packaging.md explains every step.
#   packaging/jpackage.sh [app-image|deb|rpm|msi|exe|dmg]   (default: app-image; msi on Windows, dmg on macOS)
# Output: target/installer/. Needs: a JDK with jmods (jlink), Maven; .deb: fakeroot + dpkg-deb;
# .rpm: rpmbuild; .msi/.exe: the WiX toolset 3 on PATH; .dmg: macOS.
#
# The runtime is jlinked: the JDK modules the bar uses plus JavaFX as real modules, made into jmods from
# the platform jars Maven already fetched (Maven Central carries no jmods), so JavaFX's natives land in
# the runtime's lib/ (bin/ on Windows) and load from there instead of being unpacked into ~/.openjfx on
# first start. The remaining jars stay on the class path. On Linux the image then gets an AppCDS archive
# from a training start (needs Xvfb; skipped with a note if there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  Darwin) os=mac ;;
  *) os=linux ;;
esac
type="${1:-}"
if [ -z "$type" ]; then
  case "$os" in windows) type=msi ;; mac) type=dmg ;; *) type=app-image ;; esac
fi
case "$type" in app-image|deb|rpm|msi|exe|dmg|pkg) ;; *) echo "jpackage.sh: unknown type '$type'" >&2; exit 2 ;; esac

fail() { echo "jpackage.sh: $*" >&2; exit 1; }
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
[ -d "$jdk/jmods" ] || fail "no jmods in $jdk (jlink needs a full JDK; set JAVA_HOME)"
export PATH="$jdk/bin:$PATH"

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
[ -f target/unibar.jar ] || mvn -q -B -ntp -DskipTests package

work=target/packaging
rm -rf "$work" target/installer
mkdir -p "$work/jmods" "$work/input/lib" target/installer

# ---- 1. JavaFX jmods from the platform jars ------------------------------------------------------
fx_version=""
for jar in target/lib/javafx-*-linux.jar target/lib/javafx-*-win.jar target/lib/javafx-*-mac*.jar; do
  [ -f "$jar" ] || continue
  mod=$(jar --describe-module --file "$jar" | head -1 | sed 's/@.*//; s/ .*//')
  fx_version=$(jar --describe-module --file "$jar" | head -1 | sed -n 's/^[^@]*@\([^ ]*\).*/\1/p')
  d="$work/fx/$mod"
  mkdir -p "$d/classes" "$d/libs"
  (cd "$d/classes" && jar xf "$root/$jar")
  find "$d/classes" -maxdepth 1 \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec mv {} "$d/libs/" \;
  rm -rf "$d/classes/META-INF"
  jmod create --class-path "$d/classes" --libs "$d/libs" ${fx_version:+--module-version "$fx_version"} \
    "$work/jmods/$mod.jmod"
done
[ -f "$work/jmods/javafx.web.jmod" ] || fail "no JavaFX platform jars in target/lib (run mvn package on this OS)"

# ---- 2. the runtime: only the modules the bar needs -----------------------------------------------
# java.desktop: AWT tray and notifications; java.sql/java.naming: Jackson and Jetty; jdk.crypto.ec: TLS
# to vendor servers; jdk.localedata: number and date formats in cs, pt-BR, it, fr.
modules=java.base,java.desktop,java.logging,java.net.http,java.naming,java.sql,java.xml,java.management
modules+=,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,jdk.xml.dom,jdk.localedata,jdk.charsets,jdk.zipfs
modules+=,javafx.base,javafx.graphics,javafx.controls,javafx.media,javafx.web
cds_flag=--generate-cds-archive
jlink --list-plugins 2>/dev/null | grep -q -- --generate-cds-archive || cds_flag=""
sep=:; [ "$os" = windows ] && sep=';'
native() { if [ "$os" = windows ] && command -v cygpath >/dev/null; then cygpath -w "$1"; else echo "$1"; fi; }
jlink --module-path "$(native "$jdk/jmods")$sep$(native "$work/jmods")" --add-modules "$modules" \
  --include-locales=en,pt,it,cs,fr --strip-debug --no-header-files --no-man-pages --compress=2 \
  $cds_flag --output "$work/runtime"

# ---- 3. the class path: Unibar and the jars that are not JavaFX -----------------------------------
cp target/unibar.jar "$work/input/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in javafx-*) ;; *) cp "$j" "$work/input/lib/" ;; esac
done

# -XX:TieredStopAtLevel=1: only the quick JIT. On a 2-core desktop C2's compiler threads compete with
# the FX thread during start-up (measured: first frame ~0.3-1 s sooner); the bar's hot paths (a few
# vendor events a second) do not need C2's peak speed. ControlsFX reaches into JavaFX internals; with
# JavaFX as named modules that needs the exports below.
#
# Heap (decision 0088): the JVM's default starts the heap at 1/64 of the machine's RAM (377 MiB on a 24 GB
# desktop) with a third of it young, and the whole young generation is touched within seconds: 120 MiB of
# PSS for a bar whose live heap is 27 MiB. -Xms64m -Xmn16m fix both whatever the RAM (the old generation
# still grows after a full collection if the live set does; the maximum stays the JVM's); a young
# collection of the bar takes 5-20 ms. -XX:MetaspaceSize=64m: the bar's classes fill 36 MiB of metaspace,
# and each time they pass the default 21 MiB threshold (twice during start-up) SerialGC runs a full
# collection that stops the FX thread for 80-140 ms.
java_options=(-Dfile.encoding=UTF-8 -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1
  -Xms64m -Xmn16m -XX:MetaspaceSize=64m
  --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED
  --add-exports=javafx.base/com.sun.javafx.runtime=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED
  --add-exports=javafx.graphics/com.sun.javafx.tk=ALL-UNNAMED
  --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED
  --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED
  --add-exports=javafx.controls/com.sun.javafx.scene.control.inputmap=ALL-UNNAMED)

# A JVM crash report goes to /tmp, not into whatever folder the bar was started from.
[ "$os" != windows ] && java_options+=(-XX:ErrorFile=/tmp/unibar-hs_err_pid%p.log)

# sqlite-jdbc copies its native library out of its jar into /tmp at every start and compares the copy byte
# by byte with the jar's: about 130 ms of CPU on the journal's thread while the window is being built
# (JFR, decision 0079), and no journal where /tmp is mounted noexec. The image carries the library
# unpacked instead; sqlite-jdbc falls back to its own copy if this one does not load.
if [ "$os" = linux ]; then
  case "$(uname -m)" in x86_64|amd64) sqlite_arch=x86_64 ;; aarch64|arm64) sqlite_arch=aarch64 ;; *) sqlite_arch="" ;; esac
  sqlite_jar=$(ls target/lib/sqlite-jdbc-*.jar 2>/dev/null | head -1)
  if [ -n "$sqlite_arch" ] && [ -n "$sqlite_jar" ]; then
    mkdir -p "$work/sqlite" "$work/input/native"
    (cd "$work/sqlite" && jar xf "$root/$sqlite_jar" "org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so")
    if [ -f "$work/sqlite/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" ]; then
      cp "$work/sqlite/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" "$work/input/native/"
      java_options+=('-Dorg.sqlite.lib.path=$APPDIR/native' -Dorg.sqlite.lib.name=libsqlitejdbc.so)
    fi
  fi
fi

common=(--name Unibar --app-version "$version" --vendor "Unibar"
        --description "One agent bar for five contact-center vendors"
        --copyright "Unibar")

# ---- 4. the application image -----------------------------------------------------------------------
image_args=("${common[@]}" --dest "$work/image" --type app-image --runtime-image "$work/runtime" --input "$work/input"
            --main-jar unibar.jar --main-class dev.unibar.Main)
for o in "${java_options[@]}"; do image_args+=(--java-options "$o"); done
case "$os" in
  linux) image_args+=(--icon icons/unibar-256.png) ;;
  windows) image_args+=(--icon icons/unibar.ico --add-launcher UnibarConsole=packaging/windows/console.properties) ;;
  mac)
    # Our Info.plist (the tel:/callto:/sip: URL types) in place of jpackage's; the version filled in here.
    mkdir -p "$work/mac-resources"
    sed "s/@VERSION@/$version/g" packaging/macos/Info.plist.in > "$work/mac-resources/Info.plist"
    image_args+=(--icon icons/unibar.icns --mac-package-identifier dev.unibar.Unibar --resource-dir "$work/mac-resources") ;;
esac
jpackage "${image_args[@]}"

case "$os" in
  linux) app="$work/image/Unibar"; appdir="$app/lib/app" ;;
  windows) app="$work/image/Unibar"; appdir="$app/app" ;;
  mac) app="$work/image/Unibar.app"; appdir="$app/Contents/app" ;;
esac
# Desktop entry, icons and the machine-wide config example travel inside the image; the Linux
# packages copy them to /usr/share and /etc at build time (packaging/linux/).
mkdir -p "$appdir/desktop"
cp icons/unibar-*.png icons/unibar.svg "$appdir/desktop/"
cp packaging/linux/unibar.desktop packaging/system-config.yml "$appdir/desktop/"
if [ "$os" = linux ]; then
  install -m 755 packaging/linux/cds-dump.sh "$appdir/cds-dump.sh"
  # jpackage's Linux launcher asks rpm and dpkg who owns it before every start (0.5-2 s): a shell
  # launcher reading the same Unibar.cfg starts the runtime directly (packaging/linux/unibar-launcher.sh).
  install -m 755 packaging/linux/unibar-launcher.sh "$app/bin/Unibar"
fi

# ---- 5. AppCDS: a training start lists the classes the bar loads; the archive is made where it runs -
if [ "$os" = linux ] && [ "${UNIBAR_NO_CDS:-}" != 1 ]; then
  packaging/train-cds.sh "$app" || echo "jpackage.sh: no AppCDS archive (training start failed); the bar starts without it" >&2
fi

# ---- 6. the installer ------------------------------------------------------------------------------
case "$type" in
  app-image)
    rm -rf target/installer/Unibar
    cp -a "$app" target/installer/
    [ "$os" = linux ] && sh packaging/linux/cds-dump.sh "$root/target/installer/Unibar" ;;
  deb) packaging/linux/build-deb.sh "$app" "$version" target/installer ;;
  rpm) packaging/linux/build-rpm.sh "$app" "$version" target/installer ;;
  msi|exe)
    # packaging/windows/main.wxs replaces jpackage's: the same product plus the tel:/callto:/sip:/sips: URL
    # protocols in the registry (the running bar takes a clicked link over its single-instance channel).
    jpackage "${common[@]}" --type "$type" --app-image "$app" \
      --win-menu --win-menu-group Unibar --win-shortcut --win-dir-chooser --win-per-user-install \
      --win-upgrade-uuid 6f1c2a8e-6b36-4a59-9a71-2d8e9b1c0e15 --resource-dir packaging/windows \
      --dest target/installer ;;
  dmg|pkg)
    jpackage "${common[@]}" --type "$type" --app-image "$app" --dest target/installer ;;
esac
ls -l target/installer
