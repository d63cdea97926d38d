# The results of the kernel's own tests in one guest's console log, as
# "GROUP<TAB>NAME<TAB>STATUS" lines, STATUS ok, fail or skip:
#   kunit-SUITE  each case of the KUnit suites printf and kprobes_test
#   startup      each ftrace startup test ("Testing tracer function: PASSED")
#   events       the trace event startup tests, all as one line
#   ftracetest, livepatch   the KSZKT lines of guest/run-ktests
# Input: the console log with carriage returns removed.
BEGIN { OFS = "\t"; suite = "" }
/^    # Subtest: / { suite = $3; next }
suite ~ /^(printf|kprobes_test)$/ && /^    (not )?ok [0-9]+ / {
	st = $1 == "ok" ? "ok" : "fail"
	line = $0
	sub(/^    (not )?ok [0-9]+ /, "", line)
	if (line ~ / # SKIP/)
		st = "skip"
	sub(/ #.*/, "", line)
	print "kunit-" suite, line, st
	next
}
/^(not )?ok [0-9]+ / { suite = "" }
# A startup test prints "Testing NAME: " and its verdict, PASSED or
# FAILED (an event: OK), on the same line or, after other output, later.
function verdict(line) {
	return line ~ /FAILED/ ? "fail" : line ~ /PASSED|: OK$|^OK$/ ? "ok" : ""
}
function settle(st) {
	if (pending == "")
		return
	if (pending ~ /^event /) {
		ev_n++
		if (st != "ok")
			ev_bad = ev_bad " " substr(pending, 7)
	} else {
		print "startup", pending, st
	}
	pending = ""
}
/^Testing [^:]*: / {
	settle("fail")	# a test that never gave its verdict
	pending = $0
	sub(/^Testing /, "", pending)
	sub(/: .*/, "", pending)
	st = verdict($0)
	if (st != "")
		settle(st)
	next
}
pending != "" && verdict($0) != "" { settle(verdict($0)); next }
/^KSZKT / {
	name = $0
	sub(/^KSZKT [^ ]+ [^ ]+ /, "", name)
	print $2, name, $3
}
END {
	settle("fail")
	if (ev_n)
		print "events", "all trace events", ev_bad == "" ? "ok" : "fail"
}
