#!/usr/bin/env bash
# Makes docs/screenshot.txt from the real program: whosaid runs in a tmux
# window of 120×36 on the example corpus, keys are pressed as a reader would
# (a search for Ryabkov's quotes, then the second of them), and the screen is
# captured. Usage: scripts/screenshot.sh   (needs tmux; builds whosaid in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
session="whosaid-screenshot-$$"
tmux new-session -d -s "$session" -x 120 -y 36 "target/release/whosaid examples/; sleep 5"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
wait_for() { for _ in $(seq 100); do tmux capture-pane -p -t "$session" | grep -q "$1" && return; sleep 0.1; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "Quotes · "
tmux send-keys -t "$session" /
tmux send-keys -t "$session" -l "@ryabkov"
tmux send-keys -t "$session" Enter
wait_for "/@ryabkov · "
tmux send-keys -t "$session" j
wait_for "/@ryabkov 2/"
tmux capture-pane -p -t "$session" > docs/screenshot.txt
echo "wrote docs/screenshot.txt"
