#!/usr/bin/env bash
# Builds the macOS packages (.dmg and .pkg) on macOS, from the app build. Needs JDK 25 (JAVA_HOME);
# the JavaFX jars must be the mac (or mac-aarch64) ones, so run the Maven build on the Mac first:
#   ./mvnw -DskipTests package && installer/mac/build-macos.sh
# Set GATEHOUSE_MAC_SIGNING_IDENTITY to sign (see docs/installers.md); unset, the packages are unsigned.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin"
version="$(sed -n 's/^version=//p' app/target/classes/io/gatehouse/app/version.properties)"
version="${version%%-*}"
out=installer/target
rm -rf "$out" && mkdir -p "$out/input"
cp app/target/gatehouse.jar "$out/input/" && cp -r app/target/lib "$out/input/lib"
modules="$(grep -v '^#' installer/modules.txt | grep -v '^$' | paste -sd, -)"
"$bin/jlink" --add-modules "$modules" --include-locales=en,de --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/runtime"
signing=()
if [ -n "${GATEHOUSE_MAC_SIGNING_IDENTITY:-}" ]; then
  signing=(--mac-sign --mac-signing-key-user-name "$GATEHOUSE_MAC_SIGNING_IDENTITY")
fi
for type in dmg pkg; do
  "$bin/jpackage" --type "$type" --name Gatehouse --app-version "$version" --vendor "Gatehouse" \
    --copyright "Copyright 2026 the Gatehouse authors" --description "Security console for headless e-commerce checkouts" --license-file LICENSE \
    --input "$out/input" --main-jar gatehouse.jar --main-class io.gatehouse.app.Launcher --runtime-image "$out/runtime" \
    --java-options '--enable-native-access=ALL-UNNAMED' --java-options '-XX:CompileThresholdScaling=10' --java-options '-Djdk.reflect.useNativeAccessorOnly=true' --icon installer/mac/gatehouse.icns \
    --mac-package-identifier io.gatehouse.console --mac-package-name Gatehouse \
    --file-associations installer/linux/assessment-file.properties "${signing[@]}" --dest "$out"
done
