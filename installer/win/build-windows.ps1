# Builds the Windows installer (.msi) on Windows, from the app build. Needs JDK 25 (JAVA_HOME)
# and the WiX Toolset on PATH (WiX 3.x candle/light, or WiX 4+ 'wix'), which jpackage drives.
# Run from the repository root:  .\mvnw.cmd -DskipTests package ; .\installer\win\build-windows.ps1
$ErrorActionPreference = 'Stop'
$bin = Join-Path $env:JAVA_HOME 'bin'
$version = ((Get-Content app\target\classes\io\gatehouse\app\version.properties) -replace '^version=', '') -replace '-.*$', ''
$out = 'installer\target'
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item app\target\gatehouse.jar "$out\input\"
Copy-Item -Recurse app\target\lib "$out\input\lib"
$modules = (Get-Content installer\modules.txt | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
& "$bin\jlink" --add-modules $modules --include-locales=en,de --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$out\runtime"
# The upgrade UUID must never change: Windows uses it to replace an older version in place.
& "$bin\jpackage" --type msi --name Gatehouse --app-version $version --vendor 'Gatehouse' `
  --copyright 'Copyright 2026 the Gatehouse authors' --description 'Security console for headless e-commerce checkouts' --license-file LICENSE `
  --input "$out\input" --main-jar gatehouse.jar --main-class io.gatehouse.app.Launcher --runtime-image "$out\runtime" `
  --java-options '--enable-native-access=ALL-UNNAMED' --java-options '-XX:CompileThresholdScaling=10' --java-options '-Djdk.reflect.useNativeAccessorOnly=true' --icon installer\win\gatehouse.ico `
  --win-upgrade-uuid b8fbf0a4-2fe0-4201-9aad-7da1c7980899 --win-menu --win-menu-group Gatehouse --win-shortcut --win-dir-chooser `
  --file-associations installer\linux\assessment-file.properties --dest $out
# Signing: see docs/installers.md (signtool sign /fd SHA256 /tr <timestamp-url> /td SHA256 ...).
