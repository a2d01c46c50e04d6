#!/usr/bin/env bash
# Usage: scripts/revoke_service_token.sh <name>
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" revoke_service_token "$@"
