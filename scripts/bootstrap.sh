# Create the virtual environment and install the project into it, once per change of
# pyproject.toml. Sourced by scripts/run and scripts/test; needs only Python 3.11+.
# Usage: . scripts/bootstrap.sh [extra]   (extra: "test" for the test tools)

extra="${1:-}"
python="${PYTHON:-python3}"
venv="${VENV:-.venv}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Newsroom needs Python 3.11 or newer as '$python' (set PYTHON=... to choose one)." >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "Creating the virtual environment in $venv ..."
    "$python" -m venv "$venv"
fi

spec="."
[ -n "$extra" ] && spec=".[$extra]"
stamp="$venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extra:-base}"
if [ ! -f "$stamp" ]; then
    echo "Installing Newsroom and its dependencies ($spec) ..."
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
    touch "$stamp"
fi
export PATH="$PWD/$venv/bin:$PATH"
