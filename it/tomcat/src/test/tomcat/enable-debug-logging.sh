#!/bin/sh
# The step docs/operations.md gives for DEBUG logging of ims-auth on Tomcat: one line in
# $CATALINA_BASE/conf/logging.properties (read when Tomcat starts). Idempotent; the build runs it on the
# unpacked Tomcat before the tests start it (TomcatLifecycleIT reads the FINE lines from logs/catalina.*.log).
set -e
conf="$1/conf/logging.properties"
grep -q '^dev.imsauth.level' "$conf" || printf '\n# ims-auth: DEBUG (JUL FINE) for every class of the library\ndev.imsauth.level = FINE\n' >> "$conf"
