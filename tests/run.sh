#!/usr/bin/env bash
# The test command: installs what the tests need beyond the .NET SDK and NuGet when it is missing, then runs every
# test and ends with one plain line "tests: N passed, N failed".
#
# What it installs, only when missing:
#   Debian packages (apt-get, as root or through sudo):
#     python3-aiosmtpd            a real SMTP server on loopback for the e-mail tests (run by Debian's /usr/bin/python3)
#     poppler-utils, qpdf         pdftotext, pdffonts and qpdf, which read the report PDFs back
#     chromium, chromium-driver   the real browser that checks the website column
#     fonts-wqy-microhei          a Chinese font for that browser, so that its screenshots show the text, not boxes
#     nodejs, npm                 to drive it
#   npm packages: playwright-core, pinned by tests/browser/package-lock.json (it drives /usr/bin/chromium and
#   downloads no browser of its own).
# Arguments are passed to dotnet test (for example --filter FullyQualifiedName~Reports).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || need+=(python3-aiosmtpd)
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v chromium >/dev/null || need+=(chromium chromium-driver)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${need[*]} (Debian packages the tests use)"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      echo "tests/run.sh: these Debian packages are missing and this is not root (and there is no sudo): ${need[*]}" >&2
      echo "  install them with: apt-get install ${need[*]}" >&2
      exit 2
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "tests/run.sh: installing playwright-core (npm ci in tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund --silent
fi

dotnet --info | head -n 3
log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
dotnet test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line, summed over every test assembly.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s += $1} END {print s + 0}' || true)
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s += $1} END {print s + 0}' || true)
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
