#!/usr/bin/env bash
# Usage: scripts/register_user.sh <username> <password> [role]   or: --password-stdin <username> [role]
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" register "$@"
