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
"$bin/jpackage" --type deb "${common[@]}" --app-image "$out/gatehouse" \
  --linux-package-name gatehouse --linux-package-deps libgtk-3-0 \
  --linux-shortcut --linux-menu-group "Office;Security" --linux-app-category utils \
  --file-associations installer/linux/assessment-file.properties \
  --icon icons/src/main/resources/io/gatehouse/icons/gatehouse-256.png --dest "$out"

du -sh "$out/runtime" "$out/gatehouse" "$out"/*.deb
