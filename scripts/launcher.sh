# Sourced by serve.sh and admin.sh: finds java and the application jar, unpacks a packaged jar once into the layout
# the JVM's class cache needs (the jar with its libraries beside it, as `java -Djarmode=tools -jar app.jar extract` and
# the image make it), and builds that cache once per jar and JVM in a training run:
#   JDK 25 and newer: the AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) -XX:AOTCache
#   JDK 17 to 24:     a dynamic CDS archive (classes parsed and verified) -XX:SharedArchiveFile
# JVM_CACHE=off turns the cache off; JAVA picks the java binary (else $JAVA_HOME/bin/java, else java on PATH).

# The java binary, in $java_bin.
launcher_java() {
    java_bin=${JAVA:-}
    if [[ -z "$java_bin" && -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        java_bin="$JAVA_HOME/bin/java"
    fi
    java_bin=${java_bin:-java}
}

# The jar: $APP_JAR if set; else /app/app.jar (the image); else the newest target/user-service-*.jar of this
# repository (./mvnw -DskipTests package builds it). Sets $jar or prints one line and exits 1.
launcher_jar() {
    jar="${APP_JAR:-}"
    if [[ -z "$jar" ]]; then
        if [[ -f /app/app.jar ]]; then
            jar=/app/app.jar
        else
            local repo
            repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
            jar="$(ls -t "$repo"/target/user-service-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)"
        fi
    fi
    if [[ -z "$jar" || ! -f "$jar" ]]; then
        echo "error: no application jar found${jar:+ at $jar} (set APP_JAR, or build one with ./mvnw -DskipTests package)" >&2
        exit 1
    fi
}

# The major version of $java_bin from its `release` file (no JVM start), in $java_major, the whole version (17.0.15) in
# $java_version; empty when unknown. The cache key ($java_key) names the exact JVM build: a cache only fits the JVM
# that wrote it.
launcher_java_version() {
    java_major=""
    java_version=""
    java_key=""
    local real release version
    real=$(readlink -f "$(command -v "$java_bin" 2>/dev/null || echo "$java_bin")" 2>/dev/null) || return 0
    release="$(dirname "$(dirname "$real")")/release"
    [[ -f "$release" ]] || return 0
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$release")
    [[ -n "$version" ]] || return 0
    java_major=${version%%[.+-]*}
    [[ "$java_major" =~ ^[0-9]+$ ]] || { java_major=""; return 0; }
    java_version=$version
    java_key="$version-$(printf '%s' "$real" | cksum | cut -d' ' -f1)"
}

# launcher_java_at_least <version>...: whether $java_version is at least the one given for its feature release (the
# first number), or newer than every release given: `launcher_java_at_least 17.0.11 21.0.3` holds for 17.0.15, 21.0.3
# and 23, not for 17.0.10, 20 or 21.0.2. False when the version is unknown.
launcher_java_at_least() {
    [[ -n "$java_version" ]] || return 1
    local want newest=0
    for want in "$@"; do
        if [[ "${want%%.*}" == "$java_major" ]]; then
            [[ "$(printf '%s\n' "$want" "$java_version" | sort -V | head -n 1)" == "$want" ]]
            return
        fi
        ((${want%%.*} > newest)) && newest=${want%%.*}
    done
    ((java_major > newest))
}

# The unpacked layout to start from, in $layout_jar (empty when there is none and none can be made): the jar itself
# when it already is one (its libraries in lib/ beside it, as in the image), else <jar without .jar>.layout/, unpacked
# again whenever the jar changes.
launcher_layout() {
    layout_jar=""
    local dir
    dir=$(dirname "$jar")
    if [[ -d "$dir/lib" ]]; then
        layout_jar="$jar"
        return 0
    fi
    local layout="${jar%.jar}.layout" stamp
    stamp="$(stat -c '%s %Y' "$jar") $(readlink -f "$jar")"
    if [[ ! -f "$layout/source" || "$(cat "$layout/source")" != "$stamp" ]]; then
        [[ -w "$dir" ]] || return 0
        local tmp="$layout.$$.tmp"
        rm -rf "$tmp"
        if ! "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$tmp" >/dev/null 2>&1 \
            || ! ls "$tmp"/*.jar >/dev/null 2>&1; then
            rm -rf "$tmp"
            return 0
        fi
        printf '%s\n' "$stamp" >"$tmp/source"
        rm -rf "$layout"
        mv -T "$tmp" "$layout" 2>/dev/null || rm -rf "$tmp"
    fi
    layout_jar=$(ls "$layout"/*.jar 2>/dev/null | head -n 1)
}

# launcher_cache <name> <training function>: the JVM options that start from the cache <name> (in the array
# cache_opts), building it first when it is missing and the layout is writable. The training function gets the JVM
# option that records the cache as its argument; it should run the application as far as a start goes, then exit.
launcher_cache() {
    cache_opts=()
    local name=$1 train=$2
    [[ "${JVM_CACHE:-on}" != off && -n "$layout_jar" && -n "$java_key" && "$java_major" -ge 17 ]] || return 0
    local dir
    dir="$(dirname "$layout_jar")/jvm-cache"
    local record use file
    if [[ "$java_major" -ge 25 ]]; then
        file="$dir/$name-$java_key.aot" record="-XX:AOTCacheOutput=" use="-XX:AOTCache="
    else
        file="$dir/$name-$java_key.jsa" record="-XX:ArchiveClassesAtExit=" use="-XX:SharedArchiveFile="
    fi
    # A training run that failed once for this jar and JVM is not repeated at every start (it costs a whole start).
    [[ -f "$file.failed" ]] && return 0
    if [[ ! -f "$file" ]]; then
        mkdir -p "$dir" 2>/dev/null || true
        [[ -w "$dir" ]] || return 0
        local tmp="$dir/$name.$$.tmp"
        [[ "${launcher_quiet:-false}" == true ]] \
            || echo "$(basename "$0"): building the JVM's class cache $file (once per jar and JVM)" >&2
        if "$train" "$record$tmp" >"$dir/$name-training.log" 2>&1 && [[ -s "$tmp" ]]; then
            mv -f "$tmp" "$file"
        else
            [[ "${launcher_quiet:-false}" == true ]] \
                || echo "$(basename "$0"): no class cache (training failed, see $dir/$name-training.log;" \
                    "remove $file.failed to try again)" >&2
            rm -f "$tmp" "$tmp.config"
            touch "$file.failed"
            return 0
        fi
    fi
    cache_opts=("$use$file")
}
