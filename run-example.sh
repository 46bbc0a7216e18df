#!/usr/bin/env bash
# Runs the example web app on http://localhost:8080/ with an embedded development identity provider
# (a login page where you type any user name: no account needed). With IMS_CLIENT_ID set (and
# optionally IMS_CLIENT_SECRET, IMS_REDIRECT_URI) it signs in with the real https://ims.bentley.com.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
exec mvn -B -f webapp-example/pom.xml -Prun package "$@"
