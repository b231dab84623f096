package org.smorekit.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command's messages go: results on stdout (so they can be piped or redirected), notes and warnings on stderr
 * (notes are silenced by {@code --quiet}, details appear only with {@code --verbose}).
 */
public final class Terminal {

    private final PrintWriter out;
    private final PrintWriter err;
    private final VerbosityOptions verbosity;

    public Terminal(PrintWriter out, PrintWriter err, VerbosityOptions verbosity) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
    }

    /** The terminal of a running picocli command (its configured stdout/stderr). */
    public static Terminal of(CommandSpec spec, VerbosityOptions verbosity) {
        return new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr(), verbosity);
    }

    /** A result line, on stdout, printed even with {@code --quiet}. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** A note about progress, on stderr, unless {@code --quiet}. */
    public void note(String line) {
        if (!verbosity.quiet()) {
            err.println(line);
            err.flush();
        }
    }

    /** A detail, on stderr, only with {@code --verbose}. */
    public void detail(String line) {
        if (verbosity.verbose()) {
            err.println(line);
            err.flush();
        }
    }

    /** A warning, on stderr, always. */
    public void warn(String line) {
        err.println("warning: " + line);
        err.flush();
    }

    /** A progress display for long work: a bar on a terminal, plain lines otherwise, nothing with {@code --quiet}. */
    public ConsoleProgress progress() {
        return ConsoleProgress.forConsole(err, verbosity.quiet());
    }

    public boolean quiet() {
        return verbosity.quiet();
    }
}
