# shellcheck shell=bash
# Apertium (Spanish-English) served by apertium-apy on 127.0.0.1, for tests/test_translate_apertium.py.
#
# Sourced by .ci/run after the project is installed into a fresh venv (python/pip are the
# venv's). Idempotent: packages already there are not reinstalled, and an APy that is
# already answering (from an earlier run) is reused. Exports:
#   CLEANER_APERTIUM_URL=http://127.0.0.1:PORT/translate   (when APy answers)
#   CLEANER_REQUIRE_APERTIUM=1                               (so the test fails, not skips, if it does not)
# Nothing here exits or returns non-zero, so a problem cannot abort .ci/run before the
# tests run; the Apertium test then reports it.

export CLEANER_REQUIRE_APERTIUM=1

_cleaner_apertium_setup() {
    local state="${CLEANER_APERTIUM_STATE:-${TMPDIR:-/tmp}/cleaner-apertium-apy}"
    local pairs=/usr/share/apertium
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"

    # 1. The engine and the language pair (Debian/Ubuntu).
    if ! { command -v apertium >/dev/null 2>&1 && [ -e "$pairs/modes/spa-eng.mode" ]; }; then
        if command -v apt-get >/dev/null 2>&1; then
            echo "apertium: installing apertium apertium-eng-spa"
            $sudo apt-get update -qq >/dev/null || echo "apertium: apt-get update failed" >&2
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
                apertium apertium-eng-spa >/dev/null || echo "apertium: apt-get install failed" >&2
        else
            echo "apertium: no apt-get; install apertium and apertium-eng-spa yourself" >&2
        fi
    fi

    # 2. Reuse an APy that already answers with the pair.
    if [ -s "$state.port" ]; then
        local old_port
        old_port="$(cat "$state.port")"
        if _cleaner_apertium_answers "$old_port"; then
            echo "apertium: reusing APy on 127.0.0.1:$old_port"
            export CLEANER_APERTIUM_URL="http://127.0.0.1:$old_port/translate"
            return 0
        fi
    fi

    # 3. The web service, in this venv.
    if ! python -c "import apertium_apy" >/dev/null 2>&1; then
        python -m pip install -q "apertium-apy>=0.13,<1" || { echo "apertium: pip install apertium-apy failed" >&2; return 0; }
    fi

    # 4. Start it on a free port, bound to 127.0.0.1 only (APy itself binds every
    #    interface, so the launcher narrows tornado's bind before calling APy's main).
    local port
    port="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    local launcher='
import sys, tornado.tcpserver
from apertium_apy import apy
bind = tornado.tcpserver.TCPServer.bind
tornado.tcpserver.TCPServer.bind = lambda self, port, address=None, *a, **k: bind(self, port, "127.0.0.1", *a, **k)
sys.argv[0] = "apertium-apy"
apy.main()
'
    nohup python -c "$launcher" -p "$port" -j 1 "$pairs" >"$state.log" 2>&1 </dev/null &
    echo $! >"$state.pid"
    echo "$port" >"$state.port"

    # 5. Wait until it translates (APy starts pipelines lazily; the first call is slow).
    local _
    for _ in $(seq 1 60); do
        if _cleaner_apertium_answers "$port"; then
            echo "apertium: APy on 127.0.0.1:$port (pid $(cat "$state.pid"))"
            export CLEANER_APERTIUM_URL="http://127.0.0.1:$port/translate"
            return 0
        fi
        if ! kill -0 "$(cat "$state.pid")" 2>/dev/null; then
            break
        fi
        sleep 1
    done
    echo "apertium: APy did not answer; log follows" >&2
    tail -n 20 "$state.log" >&2 || true
    return 0
}

_cleaner_apertium_answers() {
    python - "$1" <<'PY' >/dev/null 2>&1
import json, sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
url = f"http://127.0.0.1:{sys.argv[1]}/translate?langpair=spa|eng&q=Hola&markUnknown=no"
with opener.open(url, timeout=20) as response:
    answer = json.load(response)
sys.exit(0 if answer["responseData"]["translatedText"].strip() else 1)
PY
}

_cleaner_apertium_setup || true
unset -f _cleaner_apertium_setup _cleaner_apertium_answers
