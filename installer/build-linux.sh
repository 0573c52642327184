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
#    --generate-cds-archive keeps the JDK's class-data-sharing archive, which a trimmed runtime
#    otherwise lacks: without it every start loads and verifies the JDK classes from scratch.
"$bin/jlink" --add-modules "$wanted" --include-locales=en,de --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$out/runtime"
# Every provider java.security names must load from the image itself (see installer/modules.txt).
configured="$(grep -c '^security.provider\.' "$out/runtime/conf/security/java.security")"
loaded="$("$out/runtime/bin/java" -XshowSettings:security:providers -version 2>&1 | grep -c 'Provider name:' || true)"
if [ "$configured" != "$loaded" ]; then
  echo "installer: the runtime loads $loaded of the $configured security providers its java.security names;" \
    "add the missing providers' modules to installer/modules.txt" >&2
  exit 1
fi

# 3. The app-image.
cp "$app/gatehouse.jar" "$out/input/"
cp -r "$app/lib" "$out/input/lib"
common=(--name gatehouse --app-version "$package_version" --vendor "Gatehouse"
        --copyright "Copyright 2026 the Gatehouse authors" --description "Security console for headless e-commerce checkouts")
"$bin/jpackage" --type app-image "${common[@]}" --input "$out/input" --main-jar gatehouse.jar \
  --main-class io.gatehouse.app.Launcher --runtime-image "$out/runtime" \
  --java-options '--enable-native-access=ALL-UNNAMED' --java-options '-XX:CompileThresholdScaling=10' --java-options '-Djdk.reflect.useNativeAccessorOnly=true' \
  --icon icons/src/main/resources/io/gatehouse/icons/gatehouse-256.png --dest "$out"
# jpackage's native launcher runs rpm -qf and dpkg -S on itself at every start (about 0.25 s here,
# more on a desktop with more packages); a bash launcher reads the same gatehouse.cfg instead.
install -m 755 installer/linux/gatehouse-launcher "$out/gatehouse/bin/gatehouse"

# 3b. An ahead-of-time cache of the console's classes, linked and profiled (JDK 25, JEP 483/514/515):
#     one training start of the app-image on the sandbox under a virtual display records what the
#     console loads until its first area is drawn; every start after maps it instead of loading,
#     verifying and linking those classes again. The paths inside are relative to the image, so the
#     cache stays valid where the package installs it. Without a display the image ships without it.
cfg="$out/gatehouse/lib/app/gatehouse.cfg"
if command -v xvfb-run >/dev/null 2>&1; then
  train="$(mktemp -d)"
  cp "$cfg" "$train/gatehouse.cfg"
  echo 'java-options=-XX:AOTCacheOutput=$APPDIR/gatehouse.aot' >> "$cfg"
  echo 'java-options=-Xlog:aot*=off,cds*=off' >> "$cfg"
  if GATEHOUSE_FIRST_FRAME_PROBE=exit timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$out/gatehouse/bin/gatehouse" --config "$train/none.yaml" --data-dir "$train/data" > "$train/out.txt" 2>&1 \
      && grep -q '^console-ready' "$train/out.txt" && [ -s "$out/gatehouse/lib/app/gatehouse.aot" ]; then
    cp "$train/gatehouse.cfg" "$cfg"
    echo 'java-options=-XX:AOTCache=$APPDIR/gatehouse.aot' >> "$cfg"
    echo 'java-options=-Xlog:aot*=off,cds*=off' >> "$cfg"
  else
    echo "installer: the training start for the ahead-of-time cache failed; the image ships without it" >&2
    tail -n 20 "$train/out.txt" >&2 || true
    cp "$train/gatehouse.cfg" "$cfg"
    rm -f "$out/gatehouse/lib/app/gatehouse.aot"
  fi
  rm -rf "$train"
else
  echo "installer: xvfb-run is missing, so the image ships without an ahead-of-time cache (slower start)" >&2
fi

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
# jpackage copies the image into the package with new file times; the ahead-of-time cache checks
# the jars' times, so the image's own are put back.
(cd "$out/gatehouse" && find . -type f) | while IFS= read -r file; do
  if [ -e "$tree/opt/gatehouse/$file" ]; then touch -r "$out/gatehouse/$file" "$tree/opt/gatehouse/$file"; fi
done
desktop="$tree/opt/gatehouse/lib/gatehouse-gatehouse.desktop"
sed -i -e 's|^Icon=.*|Icon=gatehouse|' -e 's|^Name=.*|Name=Gatehouse|' "$desktop"
installed_kb="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
sed -i "s|^Installed-Size:.*|Installed-Size: $installed_kb|" "$tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
rm -rf "$tree"

du -sh "$out/runtime" "$out/gatehouse" "$out"/*.deb
