#!/usr/bin/env bash
# Usage: scripts/list_service_tokens.sh [--json]
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" list_service_tokens "$@"
