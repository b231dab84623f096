package org.smorekit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code smorekit} command line in-process, capturing stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Smorekit.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The number of non-empty lines on stderr. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
