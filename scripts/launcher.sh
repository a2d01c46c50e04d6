# Sourced by serve.sh and admin.sh: finds java and the application jar, unpacks a packaged jar once into the layout
# the JVM's class cache needs (the jar with its libraries beside it, as `java -Djarmode=tools -jar app.jar extract` and
# the image make it), and builds that cache once per jar and JVM in a training run:
#   JDK 25 and newer: the AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) -XX:AOTCache
#   JDK 17 to 24:     a dynamic CDS archive (classes parsed and verified) -XX:SharedArchiveFile
# JVM_CACHE=off turns the cache off; JAVA picks the java binary (else $JAVA_HOME/bin/java, else java on PATH).
# It runs before every start and every admin command, where each program it starts costs a few milliseconds (about
# 7 ms per dirname or sed on a 2-core machine): it uses the shell's own means and starts only readlink (for java's
# home) on the way to the JVM, more only when it unpacks a jar or builds a cache.

# The directory $1 as an absolute path without symlinks or "..", in $REPLY (1 when it is no directory), by the
# shell's own cd and back.
launcher_directory() {
    REPLY=""
    builtin cd -P -- "$1" 2>/dev/null || return 1
    REPLY=$PWD
    builtin cd -- "$OLDPWD"
}

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
            local candidate
            if launcher_directory "${BASH_SOURCE[0]%/*}/../target"; then
                for candidate in "$REPLY"/user-service-*.jar; do
                    [[ -f "$candidate" && (-z "$jar" || "$candidate" -nt "$jar") ]] && jar=$candidate
                done
            fi
        fi
    fi
    if [[ -z "$jar" || ! -f "$jar" ]]; then
        echo "error: no application jar found${jar:+ at $jar} (set APP_JAR, or build one with ./mvnw -DskipTests package)" >&2
        exit 1
    fi
}

# The major version of $java_bin from its `release` file (no JVM start), in $java_major, the whole version (17.0.15) in
# $java_version; empty when unknown. The cache key ($java_key) names the exact JVM build, its version and where it is
# installed: a cache only fits the JVM that wrote it.
launcher_java_version() {
    java_major=""
    java_version=""
    java_key=""
    local path=$java_bin real home line version=""
    if [[ "$path" != */* ]]; then
        hash "$path" 2>/dev/null || return 0
        path=${BASH_CMDS[$path]}
    fi
    real=$(readlink -f -- "$path" 2>/dev/null) || return 0
    home=${real%/*/*}
    [[ -f "$home/release" ]] || return 0
    while IFS= read -r line || [[ -n "$line" ]]; do
        if [[ "$line" =~ ^JAVA_VERSION=\"([^\"]*)\" ]]; then
            version=${BASH_REMATCH[1]}
            break
        fi
    done <"$home/release"
    [[ -n "$version" ]] || return 0
    java_major=${version%%[.+-]*}
    [[ "$java_major" =~ ^[0-9]+$ ]] || { java_major=""; return 0; }
    java_version=$version
    home=${home#/}
    java_key="$version-${home//[^A-Za-z0-9._-]/_}"
}

# launcher_java_at_least <version>...: whether $java_version is at least the one given for its feature release (the
# first number), or newer than every release given: `launcher_java_at_least 17.0.11 21.0.3` holds for 17.0.15, 21.0.3
# and 23, not for 17.0.10, 20 or 21.0.2. False when the version is unknown.
launcher_java_at_least() {
    [[ -n "$java_version" ]] || return 1
    local want newest=0
    for want in "$@"; do
        if [[ "${want%%.*}" == "$java_major" ]]; then
            launcher_version_at_least "$java_version" "$want"
            return
        fi
        ((${want%%.*} > newest)) && newest=${want%%.*}
    done
    ((java_major > newest))
}

# launcher_version_at_least <version> <minimum>: dotted numbers compared number by number (17.0.15 >= 17.0.9); a
# build suffix (+6, -ea) is ignored and a missing number counts as 0.
launcher_version_at_least() {
    local -a have want
    IFS=. read -r -a have <<<"${1%%[+-]*}"
    IFS=. read -r -a want <<<"${2%%[+-]*}"
    local i a b
    for ((i = 0; i < ${#have[@]} || i < ${#want[@]}; i++)); do
        a=${have[i]:-0} b=${want[i]:-0}
        [[ "$a" =~ ^[0-9]+$ && "$b" =~ ^[0-9]+$ ]] || return 1
        ((10#$a == 10#$b)) || return $((10#$a < 10#$b))
    done
    return 0
}

# The unpacked layout to start from, in $layout_jar (empty when there is none and none can be made): the jar itself
# when it already is one (its libraries in lib/ beside it, as in the image), else <jar without .jar>.layout/, unpacked
# again whenever the jar changes: the layout's file `source` names the jar and carries its modification time (to the
# nanosecond), which a rebuilt or replaced jar does not share.
launcher_layout() {
    layout_jar=""
    local dir=${jar%/*}
    [[ "$dir" != "$jar" ]] || dir=.
    if [[ -d "$dir/lib" ]]; then
        layout_jar="$jar"
        return 0
    fi
    local layout="${jar%.jar}.layout" source=""
    if [[ -f "$layout/source" ]]; then
        IFS= read -r source <"$layout/source" || true
    fi
    if [[ "$source" != "$jar" || "$jar" -nt "$layout/source" || "$jar" -ot "$layout/source" ]]; then
        [[ -w "$dir" ]] || return 0
        local tmp="$layout.$$.tmp"
        rm -rf "$tmp"
        if ! "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$tmp" >/dev/null 2>&1 \
            || ! ls "$tmp"/*.jar >/dev/null 2>&1; then
            rm -rf "$tmp"
            return 0
        fi
        printf '%s\n' "$jar" >"$tmp/source"
        touch -r "$jar" "$tmp/source"
        rm -rf "$layout"
        mv -T "$tmp" "$layout" 2>/dev/null || rm -rf "$tmp"
    fi
    local candidate
    for candidate in "$layout"/*.jar; do
        [[ -f "$candidate" ]] && layout_jar=$candidate && break
    done
}

# launcher_cache <name> <training function>: the JVM options that start from the cache <name> (in the array
# cache_opts), building it first when it is missing and the layout is writable. The training function gets the JVM
# options that record the cache as its arguments; it should run the application as far as a start goes, then exit.
launcher_cache() {
    cache_opts=()
    local name=$1 train=$2
    [[ "${JVM_CACHE:-on}" != off && -n "$layout_jar" && -n "$java_key" && "$java_major" -ge 17 ]] || return 0
    local dir="${layout_jar%/*}/jvm-cache"
    local record use file train_opts=()
    if [[ "$java_major" -ge 25 ]]; then
        file="$dir/$name-$java_key.aot" record="-XX:AOTCacheOutput=" use="-XX:AOTCache="
        # JDK 25 also stores the call adapters' code in the cache, and a start from it failed to link one of them
        # (two signatures of the same hash): two warnings on stdout, at every start and before every admin command's
        # output. A cache written without them starts as fast (measured) and warns of nothing. The flag is JDK 25's.
        [[ "$java_major" -eq 25 ]] && train_opts=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching)
    else
        file="$dir/$name-$java_key.jsa" record="-XX:ArchiveClassesAtExit=" use="-XX:SharedArchiveFile="
    fi
    # A training run that failed once for this jar and JVM is not repeated at every start (it costs a whole start).
    [[ -f "$file.failed" ]] && return 0
    if [[ ! -f "$file" ]]; then
        [[ -d "$dir" ]] || mkdir -p "$dir" 2>/dev/null || true
        [[ -w "$dir" ]] || return 0
        local tmp="$dir/$name.$$.tmp"
        [[ "${launcher_quiet:-false}" == true ]] \
            || echo "$(basename "$0"): building the JVM's class cache $file (once per jar and JVM)" >&2
        if "$train" "${train_opts[@]}" "$record$tmp" >"$dir/$name-training.log" 2>&1 && [[ -s "$tmp" ]]; then
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
