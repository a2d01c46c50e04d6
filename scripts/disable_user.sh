#!/usr/bin/env bash
# Usage: scripts/disable_user.sh <username>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" disable "$@"
