#!/usr/bin/env bash
# Builds a native installer of Unibar with jpackage (JDK 17+).
#   packaging/jpackage.sh [app-image|deb|rpm|msi|exe]     (default: app-image, or msi on Windows)
# Linux .deb needs fakeroot and dpkg-deb; Windows .msi/.exe need the WiX toolset on PATH.
# The bar runs from the class path (JavaFX jars from Maven Central carry the platform's natives), so
# the installer bundles target/unibar.jar and target/lib/ and a runtime made by jlink from the JDK.
set -euo pipefail
cd "$(dirname "$0")/.."

type="${1:-}"
if [ -z "$type" ]; then
  case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) type=msi ;; *) type=app-image ;; esac
fi
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)

[ -f target/unibar.jar ] || mvn -q -B -DskipTests package

input=target/jpackage-input
rm -rf "$input" target/installer
mkdir -p "$input/lib" target/installer
cp target/unibar.jar "$input/"
cp target/lib/*.jar "$input/lib/"

icon=icons/unibar-256.png
args=(--type "$type" --name Unibar --app-version "$version" --vendor "Unibar"
      --description "One agent bar for five contact-center vendors"
      --input "$input" --main-jar unibar.jar --main-class dev.unibar.Main
      --java-options "-Dfile.encoding=UTF-8"
      --add-modules java.base,java.desktop,java.logging,java.net.http,java.naming,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,jdk.xml.dom,jdk.httpserver
      --dest target/installer)
case "$type" in
  deb|rpm) args+=(--linux-shortcut --linux-menu-group "Office" --linux-app-category "Office")
           [ -f "$icon" ] && args+=(--icon "$icon") ;;
  msi|exe) args+=(--win-menu --win-shortcut --win-dir-chooser --win-per-user-install)
           [ -f icons/unibar.ico ] && args+=(--icon icons/unibar.ico) ;;
  app-image) [ -f "$icon" ] && [ "$(uname -s)" = Linux ] && args+=(--icon "$icon") ;;
esac

jpackage "${args[@]}"
ls -l target/installer
