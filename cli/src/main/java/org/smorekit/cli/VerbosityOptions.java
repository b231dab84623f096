package org.smorekit.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} / {@code --verbose}, mixed into every command. */
public final class VerbosityOptions {

    @Option(names = {"-q", "--quiet"},
            description = "Print only results and errors: no progress bar, no notes.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Print more detail, and a stack trace when something fails.")
    boolean verbose;

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose && !quiet;
    }
}
