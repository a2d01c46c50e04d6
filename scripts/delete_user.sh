#!/usr/bin/env bash
# Usage: scripts/delete_user.sh <username>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" delete "$@"
