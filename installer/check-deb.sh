#!/usr/bin/env bash
# Checks the built .deb as a user would get it: unpacked into a scratch root, the installed
# launcher prints its version, writes a German PDF report with no display, and lists a SoftHSM2
# token through its own trimmed runtime (proving the PKCS#11 provider and native access made it in).
set -euo pipefail
cd "$(dirname "$0")/.."
deb="$(ls installer/target/*.deb | head -n 1)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
launcher="$root/opt/gatehouse/bin/gatehouse"
[ -x "$launcher" ] || { echo "check: no launcher at /opt/gatehouse/bin/gatehouse in $deb" >&2; exit 1; }

dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || { echo "check: Depends lacks libgtk-3-0" >&2; exit 1; }

for size in 16 24 32 48 64 128 256 512; do
  [ -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/gatehouse.png" ] \
    || { echo "check: no ${size}x${size} icon in the hicolor theme" >&2; exit 1; }
done
[ -s "$root/usr/share/icons/hicolor/scalable/apps/gatehouse.svg" ] || { echo "check: no scalable icon" >&2; exit 1; }
grep -qx 'Icon=gatehouse' "$root/opt/gatehouse/lib/gatehouse-gatehouse.desktop" \
  || { echo "check: the desktop entry does not name the themed icon" >&2; exit 1; }
grep -q 'Apache License' "$root/opt/gatehouse/share/doc/copyright" || { echo "check: no licence in the package" >&2; exit 1; }

# The ahead-of-time cache must match the installed files (paths, sizes and times), or every start
# would silently fall back to loading each class: the installed runtime is run with the cache
# required and the launcher's own class path.
app_dir="$root/opt/gatehouse/lib/app"
if [ -s "$app_dir/gatehouse.aot" ]; then
  class_path="$(sed -n 's/^app.classpath=//p' "$app_dir/gatehouse.cfg" | sed "s|\$APPDIR|$app_dir|" | paste -sd:)"
  "$root/opt/gatehouse/lib/runtime/bin/java" --enable-native-access=ALL-UNNAMED "-XX:AOTCache=$app_dir/gatehouse.aot" \
    -XX:AOTMode=on -Xlog:aot=error -cp "$class_path" io.gatehouse.app.Launcher --version >/dev/null \
    || { echo "check: the installed ahead-of-time cache does not match the installed files" >&2; exit 1; }
  echo "ahead-of-time cache: accepted by the installed runtime"
else
  echo "ahead-of-time cache: none in the package (it was built without a display)"
fi

version="$("$launcher" --version)"
echo "installed: $version"
[[ "$version" == gatehouse\ * ]] || { echo "check: --version printed '$version'" >&2; exit 1; }

# The launcher starts Java with the JVM options of its gatehouse.cfg, and asks no package manager who
# owns it (jpackage's native launcher ran rpm -qf and dpkg -S at every start): stand-ins for rpm, dpkg
# and dpkg-query first on the PATH note any call.
spy="$root/spy"
mkdir -p "$spy"
for tool in rpm dpkg dpkg-query; do
  printf '#!/bin/sh\necho "%s $*" >> "%s/calls"\nexit 1\n' "$tool" "$spy" > "$spy/$tool"
  chmod +x "$spy/$tool"
done
flags="$(PATH="$spy:$PATH" JDK_JAVA_OPTIONS=-XX:+PrintCommandLineFlags "$launcher" --version 2>/dev/null)"
[ ! -e "$spy/calls" ] || { echo "check: the launcher queried the package manager:" >&2; cat "$spy/calls" >&2; exit 1; }
expected=(-XX:CompileThresholdScaling=10)
if [ -s "$app_dir/gatehouse.aot" ]; then expected+=(-XX:AOTCache=); fi
for flag in "${expected[@]}"; do
  echo "$flags" | grep -q -- "$flag" || { echo "check: the launcher did not start Java with $flag from gatehouse.cfg" >&2; exit 1; }
done
echo "check: the launcher starts Java with gatehouse.cfg's options and queries no package manager"

# A headless report in German from the installed app, read back as text the way a reader's search would:
# German number and date formats must be there, which needs the locale data kept in the trimmed runtime.
report="$root/report-de.pdf"
env -u DISPLAY "$launcher" --data-dir "$root/data" --config "$root/absent.yaml" report --format pdf --out "$report" \
  --lang de --currency EUR >/dev/null
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
text="$("$java_bin" -cp "app/target/lib/*" installer/PdfText.java "$report")"
echo "$text" | grep -q 'Sicherheitsbericht' || { echo "check: the German report has no German title" >&2; exit 1; }
# German formats put a no-break space (U+00A0, two bytes in UTF-8) between the amount and the sign
echo "$text" | grep -qE '[0-9]{1,3}(\.[0-9]{3})+,[0-9]{2}[^0-9]{1,3}€' \
  || { echo "check: no amount in German format (1.234.567,89 €) in the report" >&2; exit 1; }
echo "$text" | grep -qE '[0-3][0-9]\.[01][0-9]\.20[0-9]{2}' \
  || { echo "check: no date in German format (dd.mm.yyyy) in the report" >&2; exit 1; }
echo "check: the installed app wrote a German PDF report headless, with German numbers and dates"

module=/usr/lib/softhsm/libsofthsm2.so
export SOFTHSM2_CONF="$root/softhsm2.conf"
mkdir -p "$root/tokens"
echo "directories.tokendir = $root/tokens" > "$SOFTHSM2_CONF"
softhsm2-util --init-token --free --label installer-check --so-pin 12345678 --pin 1234 >/dev/null
tokens="$("$launcher" keys tokens --module "$module")"
echo "$tokens" | grep -q 'installer-check' || { echo "check: the installed app did not list the SoftHSM2 token:" >&2; echo "$tokens" >&2; exit 1; }
echo "check: the installed app lists the SoftHSM2 token through its own runtime"
