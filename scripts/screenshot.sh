#!/usr/bin/env bash
# Makes docs/screenshot.txt from the real program: whosaid runs in a tmux
# window of 120×36 on the built-in article, keys are pressed as a reader
# would (Ryabkov's quotes, then the second one), and the screen is captured.
# Usage: scripts/screenshot.sh   (needs tmux; builds whosaid in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
session="whosaid-screenshot-$$"
tmux new-session -d -s "$session" -x 120 -y 36 "target/release/whosaid; sleep 5"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
wait_for() { for _ in $(seq 100); do tmux capture-pane -p -t "$session" | grep -q "$1" && return; sleep 0.1; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "Quotes · 43 of 43"
tmux send-keys -t "$session" j j
wait_for "@ryabkov · 5 of 43"
tmux send-keys -t "$session" Tab Tab j
wait_for "indirect · line 20"
tmux capture-pane -p -t "$session" > docs/screenshot.txt
echo "wrote docs/screenshot.txt"
