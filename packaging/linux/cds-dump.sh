#!/bin/sh
# AppCDS step 2 (step 1: packaging/train-cds.sh): makes lib/app/unibar.jsa from lib/app/unibar.classlist
# for an installed app image, with the exact class path and options of its launcher, so the archive's
# recorded paths are the ones the bar starts with. Never fails: without an archive the bar starts as
# before, only slower. The .deb/.rpm post-install scripts run it; `cds-dump.sh remove` deletes the archive.
#   cds-dump.sh [APP_DIR [remove]]        APP_DIR defaults to /opt/unibar
app_root="${1:-/opt/unibar}"
app="$app_root/lib/app"
jsa="$app/unibar.jsa"
if [ "${2:-}" = remove ]; then rm -f "$jsa"; exit 0; fi
java="$app_root/lib/runtime/bin/java"
[ -f "$app/unibar.classlist" ] && [ -x "$java" ] && [ -f "$app/Unibar.cfg" ] || exit 0
cp=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$app/Unibar.cfg" | paste -sd: -)
opts=$(sed -n 's|^java-options=||p' "$app/Unibar.cfg" | grep -v -e SharedArchiveFile -e Xshare -e '\$APPDIR' | tr '\n' ' ')
rm -f "$jsa"
# shellcheck disable=SC2086 # $opts is a list of options
if command -v timeout >/dev/null 2>&1; then t="timeout 300"; else t=""; fi
$t "$java" $opts -Xshare:dump -XX:SharedClassListFile="$app/unibar.classlist" \
  -XX:SharedArchiveFile="$jsa" -cp "$cp" >/dev/null 2>&1 || rm -f "$jsa"
[ -f "$jsa" ] && chmod 644 "$jsa"
exit 0
