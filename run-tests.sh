#!/usr/bin/env bash
# Runs every test of ims-auth: the library (unit + Jetty integration), the container tests
# (Tomcat and WildFly via Arquillian, downloaded from Maven Central by the build) and the example's
# end-to-end tests in headless Chromium (installed from Debian's packages if missing).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-browser.sh

echo "== library: unit and Jetty integration tests"
mvn -B install

# it/wildfly also builds the example's WildFly WAR (webapp-example -Pwildfly) and deploys it (ExampleWarOnWildFlyIT)
for module in it/tomcat it/tomcat9 it/wildfly; do
  if [ -f "$module/pom.xml" ]; then
    echo "== container tests: $module"
    mvn -B -f "$module/pom.xml" verify
  fi
done

echo "== example: end-to-end tests in headless Chromium"
mvn -B -f webapp-example/pom.xml verify
