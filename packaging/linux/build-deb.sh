#!/usr/bin/env bash
# The .deb from a Linux app image: jpackage makes the package (and works out the library dependencies),
# then this script replaces jpackage's desktop integration with plain package files and scripts that
# cannot fail:
#   - jpackage's maintainer scripts run xdg-desktop-menu, which exits 3 where /etc/xdg/menus is absent
#     (a minimal or server install), failing `dpkg -i` and then `dpkg --purge`, and its package depends on
#     xdg-utils. Here the menu entry, the icons and the tel:/callto:/sip: handlers are ordinary files under
#     /usr/share that dpkg installs and removes itself (the desktop's own triggers refresh its caches), and
#     the scripts only refresh caches when the tools exist, never failing.
#   - /usr/bin/unibar: the console launcher (`unibar dial NUMBER`, `unibar --version`, logs on stderr).
#   packaging/linux/build-deb.sh APP_IMAGE VERSION DEST
set -euo pipefail
app="$1"; version="$2"; dest="$3"
here="$(cd "$(dirname "$0")" && pwd)"
for t in fakeroot dpkg-deb; do command -v "$t" >/dev/null || { echo "build-deb.sh: $t is needed (apt-get install $t)" >&2; exit 1; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jpackage --type deb --app-image "$app" --name Unibar --app-version "$version" --vendor Unibar \
  --description "One agent bar for five contact-center vendors" --linux-package-name unibar \
  --linux-deb-maintainer "it@unibar.dev" --linux-app-category net --linux-app-release 1 \
  --dest "$work/jp"
deb=$(ls "$work"/jp/*.deb)

root="$work/root"
dpkg-deb -R "$deb" "$root"
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

# Our scripts in place of jpackage's (see the comment above).
rm -f "$root/DEBIAN/preinst" "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"
for s in postinst prerm postrm; do install -m 755 "$here/deb/$s" "$root/DEBIAN/$s"; done
# xdg-utils is only for the menu tools we no longer call; the desktop entry works without them.
sed -i -E 's/(, )?xdg-utils//; s/^Depends: , /Depends: /' "$root/DEBIAN/control"
grep -q '^Recommends:' "$root/DEBIAN/control" || sed -i '/^Depends:/a Recommends: xdg-utils, desktop-file-utils, libnotify-bin' "$root/DEBIAN/control"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |') > "$root/DEBIAN/md5sums"

out="$dest/unibar_${version}-1_$(dpkg --print-architecture).deb"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null 2>&1 \
  || fakeroot dpkg-deb -Zxz --build "$root" "$out"
echo "build-deb.sh: $out ($(du -h "$out" | cut -f1))"
