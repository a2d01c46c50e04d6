#!/usr/bin/env bash
# Usage: scripts/create_service_token.sh <name> <scope>...   (prints the svc_... token once)
exec "$(dirname "${BASH_SOURCE[0]}")/admin.sh" create_service_token "$@"
