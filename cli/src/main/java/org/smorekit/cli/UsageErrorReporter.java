package org.smorekit.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A command line that does not parse: one line saying what is wrong, one saying where help is; exit code 1. */
public final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String qualifiedName = cmd.getCommandSpec().qualifiedName();
        err.println(qualifiedName + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + qualifiedName + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
