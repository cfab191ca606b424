#!/usr/bin/env bash
# Build the standalone desktop app (PyInstaller onedir) and self-test the result.
#
#     scripts/build_app.sh               # clean venv in build/venv, build, self-test
#     scripts/build_app.sh --reuse-venv  # keep build/venv if it exists (faster rebuilds)
#
# Output: dist/wpk-archive/wpk-archive (run it, or copy the whole dist/wpk-archive/ folder).
# Needs: python3 (>= 3.10) with venv, network access to PyPI. See docs/building.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/venv"
WORK="$ROOT/build/pyinstaller"
DIST="$ROOT/dist"
APP="$DIST/wpk-archive"
REUSE=0
for arg in "$@"; do
    case "$arg" in
        --reuse-venv) REUSE=1 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "build_app.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

if [[ $REUSE == 0 || ! -x "$VENV/bin/python" ]]; then
    step "clean build venv: $VENV"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
# setuptools builds the wheel in build/lib: clear it, or files deleted from the package linger.
rm -rf "$ROOT/build/lib" "$ROOT"/build/bdist.*
step "pip install pyinstaller + the project (non-editable)"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet pyinstaller "$ROOT"
"$VENV/bin/python" -m pip list --format=freeze 2>/dev/null \
    | grep -iE '^(pyinstaller|pyside6|shiboken6|whoosh|sqlite-utils|platformdirs|syntok)' || true

step "pyinstaller build_app.spec -> $APP"
rm -rf "$APP" "$WORK"
build_started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath "$WORK" --distpath "$DIST" "$ROOT/build_app.spec"
build_done=$(date +%s)

step "self-test of the built executable"
set +e
QT_QPA_PLATFORM=offscreen "$APP/wpk-archive" --self-test
selftest=$?
set -e

size=$(du -sh "$APP" | cut -f1)
size_mb=$(du -sm "$APP" | cut -f1)
files=$(find "$APP" -type f | wc -l)
step "summary"
echo "executable:  $APP/wpk-archive"
echo "build time:  $((build_done - build_started)) s for pyinstaller, $((build_done - started)) s in all (venv + pip + pyinstaller)"
echo "onedir size: $size ($size_mb MB, $files files)"
if [[ $selftest == 0 ]]; then
    echo "self-test:   PASSED"
else
    echo "self-test:   FAILED (exit $selftest)"
fi
if (( size_mb > 200 )); then
    echo "warning: the folder is over the 200 MB target" >&2
fi
exit "$selftest"
