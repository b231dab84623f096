package org.smorekit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --quiet} / {@code --verbose}, mixed into every command, and the {@link Terminal} they shape. */
public final class VerbosityOptions {

    @Option(names = {"-q", "--quiet"},
            description = "Print only results and errors: no progress bar, no notes.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Print more detail, and a stack trace when something fails.")
    boolean verbose;

    /** The command this is mixed into (picocli injects it), for its configured stdout/stderr. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose && !quiet;
    }

    /** Where the running command's messages go, with this verbosity. */
    public Terminal terminal() {
        return Terminal.of(command, this);
    }
}
