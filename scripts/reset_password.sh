#!/usr/bin/env bash
# Usage: scripts/reset_password.sh <username> <password>   or: --password-stdin <username>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" reset_password "$@"
