#!/usr/bin/env bash
# The .rpm from the Linux app image, through jpackage with our spec (packaging/linux/rpm/unibar.spec:
# menu entry, icons and link handlers as package files, scriptlets that cannot fail, the AppCDS archive
# made at install). Needs rpmbuild (on Debian: apt-get install rpm).
#   packaging/linux/build-rpm.sh APP_IMAGE VERSION DEST
set -euo pipefail
app="$1"; version="$2"; dest="$3"
here="$(cd "$(dirname "$0")" && pwd)"
command -v rpmbuild >/dev/null || { echo "build-rpm.sh: rpmbuild is needed (Debian: apt-get install rpm)" >&2; exit 1; }
mkdir -p "$dest"
jpackage --type rpm --app-image "$app" --name Unibar --app-version "$version" --vendor Unibar \
  --description "One agent bar for five contact-center vendors" --linux-package-name unibar \
  --linux-app-release 1 --linux-rpm-license-type "Proprietary" --resource-dir "$here/rpm" --dest "$dest"
ls -l "$dest"/unibar-*.rpm
