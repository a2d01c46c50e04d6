#!/usr/bin/env bash
# Usage: scripts/migrate.sh   (brings the database schema up to date)
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" migrate "$@"
