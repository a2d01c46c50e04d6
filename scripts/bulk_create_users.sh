#!/usr/bin/env bash
# Usage: scripts/bulk_create_users.sh <file.json>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" bulk_create "$@"
