#!/usr/bin/env bash
# Usage: scripts/enable_user.sh <username>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" enable "$@"
