#!/usr/bin/env bash
# The .deb from the Linux app image that jpackage made (launcher, jlinked runtime, jars). It is put
# together here rather than by `jpackage --type deb`, whose maintainer scripts run xdg-desktop-menu: that
# exits 3 where /etc/xdg/menus is absent (a minimal or server install), failing `dpkg -i` and then
# `dpkg --purge`, and its package depends on xdg-utils. Here:
#   - the menu entry, the icons and the tel:/callto:/sip: handlers are ordinary package files under
#     /usr/share, installed and removed by dpkg itself (the desktop's own triggers refresh its caches);
#   - the maintainer scripts (packaging/linux/deb/) only make the AppCDS archive and refresh caches where
#     the tools exist, and never fail;
#   - /usr/bin/unibar is the console launcher (`unibar dial NUMBER`, `unibar --version`, logs on stderr);
#   - Depends lists the Debian packages that own the libraries the natives link to (what jpackage does).
#   packaging/linux/build-deb.sh APP_IMAGE VERSION DEST
set -euo pipefail
app="$1"; version="$2"; dest="$3"
here="$(cd "$(dirname "$0")" && pwd)"
for t in fakeroot dpkg-deb ldd; do command -v "$t" >/dev/null || { echo "build-deb.sh: $t is needed" >&2; exit 1; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/DEBIAN"
cp -a "$app" "$root/opt/unibar"
rm -f "$root/opt/unibar/lib/app/unibar.jsa"   # made at install time, for the installed paths

share="$root/usr/share"
appdesk="$root/opt/unibar/lib/app/desktop"
install -D -m 644 "$appdesk/unibar.desktop" "$share/applications/unibar.desktop"
for size in 16 22 24 32 48 64 128 256 512; do   # the hicolor theme's sizes
  install -D -m 644 "$appdesk/unibar-$size.png" "$share/icons/hicolor/${size}x${size}/apps/unibar.png"
done
install -D -m 644 "$appdesk/unibar.svg" "$share/icons/hicolor/scalable/apps/unibar.svg"
install -D -m 644 "$appdesk/system-config.yml" "$share/doc/unibar/system-config.yml.example"
mkdir -p "$root/usr/bin"
ln -s /opt/unibar/bin/Unibar "$root/usr/bin/unibar"

# Libraries the launcher and natives need, by owning package (skipping our own and unowned ones).
deps=$(find "$root/opt/unibar" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec sh -c 'ldd "$1" 2>/dev/null' _ {} \; \
  | awk '/=> \// {print $3}' | grep -v "^$root" | sort -u \
  | while read -r lib; do dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true; done \
  | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g')
# The GTK 3 glass backend is loaded with dlopen, so ldd cannot see it.
case ", $deps, " in *", libgtk-3-0, "*) ;; *) deps="${deps:+$deps, }libgtk-3-0" ;; esac
arch=$(dpkg --print-architecture)
size=$(du -sk "$root/opt" "$root/usr" | awk '{s+=$1} END {print s}')
cat > "$root/DEBIAN/control" <<EOF
Package: unibar
Version: ${version}-1
Section: net
Priority: optional
Architecture: $arch
Maintainer: Unibar <it@unibar.dev>
Installed-Size: $size
Depends: $deps
Recommends: xdg-utils, desktop-file-utils, libnotify-bin
Description: One agent bar for five contact-center vendors
 Unibar is a native desktop agent bar for contact-center agents on UCS, Talk Telecom EPBX,
 Enghouse AgentDesktop, NICE MAX and Evolux, with a demo mode against built-in simulators.
EOF
for s in postinst prerm postrm; do install -m 755 "$here/deb/$s" "$root/DEBIAN/$s"; done
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |') > "$root/DEBIAN/md5sums"

mkdir -p "$dest"
out="$dest/unibar_${version}-1_${arch}.deb"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "build-deb.sh: $out ($(du -h "$out" | cut -f1)); Depends: $deps"
