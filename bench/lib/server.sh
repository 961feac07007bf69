# Sourced by the HTTP benchmarks: starts Linli on a PostgreSQL database with Tomcat's access log on (pattern
# "%r %s %D": request line, status, server time in microseconds) and waits until it answers; every instance started
# is stopped when the calling script exits. Usage: start_linli DATABASE PORT LOG_DIR [more application arguments ...]
# LINLI_HEAP sets the instance's maximum heap (default 2g); LINLI_JVM_OPTS adds JVM options (e.g. a JFR recording). Expects target/bench.classpath (mvnw
# dependency:build-classpath) and compiled classes.
LINLI_PIDS=()
start_linli() {
  local db=$1 port=$2 logs=$3
  shift 3
  rm -rf "$logs" && mkdir -p "$logs"
  java -Xmx${LINLI_HEAP:-2g} ${LINLI_JVM_OPTS:-} -cp "target/classes:$(cat target/bench.classpath)" cn.linli.LinliApplication \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres \
    --spring.datasource.password= --linli.demo.enabled=true --server.port=$port \
    --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$logs" \
    --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.rotate=false \
    --server.tomcat.accesslog.buffered=false "--server.tomcat.accesslog.pattern=%r %s %D" "$@" > "$logs/linli.log" 2>&1 &
  LINLI_PID=$!
  LINLI_PIDS+=($LINLI_PID)
  trap 'kill ${LINLI_PIDS[*]} 2>/dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
    if ! kill -0 $LINLI_PID 2>/dev/null; then cat "$logs/linli.log"; exit 1; fi
    sleep 2
  done
}
