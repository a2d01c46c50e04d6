#!/usr/bin/env bash
# Usage: scripts/set_role.sh <username> <role>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" set_role "$@"
