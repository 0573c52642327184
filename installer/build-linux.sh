#!/usr/bin/env bash
# Builds the Linux packages from the app build: a jlink-trimmed runtime, an app-image and a .deb.
# Run ./mvnw -DskipTests package first. Output: installer/target/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jpackage ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
bin="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin"
app=app/target
out=installer/target
[ -f "$app/gatehouse.jar" ] || { echo "installer: $app/gatehouse.jar is missing; run ./mvnw -DskipTests package first" >&2; exit 2; }

version="$(sed -n 's/^version=//p' "$app/classes/io/gatehouse/app/version.properties")"
# jpackage wants a plain dotted version: 0.1.0-SNAPSHOT becomes 0.1.0
package_version="${version%%-*}"

rm -rf "$out"
mkdir -p "$out/input"

# 1. The module list: jdeps finds what the code needs; the list adds what it loads as services.
wanted="$(grep -v '^#' installer/modules.txt | grep -v '^$' | paste -sd, -)"
found="$("$bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps --class-path "$app/lib/*" "$app/gatehouse.jar")"
missing=""
for module in ${found//,/ }; do
  case ",$wanted," in *",$module,"*) ;; *) missing="$missing $module" ;; esac
done
if [ -n "$missing" ]; then
  echo "installer: jdeps found modules missing from installer/modules.txt:$missing" >&2
  exit 1
fi

# 2. The runtime image, with German and English locale data: without jdk.localedata German
#    number and date formats silently fall back to English ones.
"$bin/jlink" --add-modules "$wanted" --include-locales=en,de --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime"

# 3. The app-image.
cp "$app/gatehouse.jar" "$out/input/"
cp -r "$app/lib" "$out/input/lib"
common=(--name gatehouse --app-version "$package_version" --vendor "Gatehouse"
        --copyright "Copyright 2026 the Gatehouse authors" --description "Security console for headless e-commerce checkouts")
"$bin/jpackage" --type app-image "${common[@]}" --input "$out/input" --main-jar gatehouse.jar \
  --main-class io.gatehouse.app.Launcher --runtime-image "$out/runtime" \
  --java-options '--enable-native-access=ALL-UNNAMED' \
  --icon icons/src/main/resources/io/gatehouse/icons/gatehouse-256.png --dest "$out"

# 4. The .deb. jpackage's own Depends list misses GTK, which JavaFX needs for a window.
"$bin/jpackage" --type deb "${common[@]}" --license-file LICENSE --app-image "$out/gatehouse" \
  --linux-package-name gatehouse --linux-package-deps libgtk-3-0 \
  --linux-shortcut --linux-menu-group "Office;Security" --linux-app-category utils \
  --file-associations installer/linux/assessment-file.properties \
  --icon icons/src/main/resources/io/gatehouse/icons/gatehouse-256.png --dest "$out"

# 5. The app icon at every standard size. jpackage installs one PNG and names it by path; desktops
#    look an app icon up by name in the hicolor theme and pick the size they need, so each render goes
#    there and the desktop entry names the icon. The package is rebuilt from its unpacked tree.
deb="$(ls "$out"/*.deb)"
tree="$out/deb-tree"
rm -rf "$tree"
dpkg-deb -R "$deb" "$tree"
icons=icons/src/main/resources/io/gatehouse/icons
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$icons/gatehouse-$size.png" "$tree/usr/share/icons/hicolor/${size}x${size}/apps/gatehouse.png"
done
install -D -m 644 "$icons/gatehouse.svg" "$tree/usr/share/icons/hicolor/scalable/apps/gatehouse.svg"
desktop="$tree/opt/gatehouse/lib/gatehouse-gatehouse.desktop"
sed -i -e 's|^Icon=.*|Icon=gatehouse|' -e 's|^Name=.*|Name=Gatehouse|' "$desktop"
installed_kb="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
sed -i "s|^Installed-Size:.*|Installed-Size: $installed_kb|" "$tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
rm -rf "$tree"

du -sh "$out/runtime" "$out/gatehouse" "$out"/*.deb
