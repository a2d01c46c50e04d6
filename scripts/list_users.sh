#!/usr/bin/env bash
# Usage: scripts/list_users.sh [--json]
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" list "$@"
