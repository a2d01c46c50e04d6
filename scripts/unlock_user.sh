#!/usr/bin/env bash
# Usage: scripts/unlock_user.sh <username>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" unlock "$@"
