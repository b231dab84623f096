package org.smorekit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smorekit}: through-plane super-resolution of thick-slice MRI. The root command only lists its subcommands;
 * every piece of work is a subcommand.
 */
@Command(name = "smorekit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Through-plane super-resolution of thick-slice MRI: estimate the slice profile, super-resolve, measure.",
        description = {
            "",
            "A thick-slice scan has fine in-plane voxels but thick, blurred slices. smorekit learns the scan's slice "
                    + "profile from the scan itself (ESPRESO), trains a per-scan super-resolution network on the "
                    + "scan's own in-plane detail (SMORE) and writes a volume with fine slices. "
                    + "Start with 'smorekit demo' or 'smorekit run'.",
            "",
        },
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            CohortCommand.class,
            InfoCommand.class,
            EstimateCommand.class,
            SrCommand.class,
            MeasureCommand.class,
            DegradeCommand.class,
            UpsampleCommand.class,
            CompareCommand.class,
            EvaluateCommand.class,
            BenchCommand.class,
            HelpCommand.class,
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 usage error, 2 bad input, 3 runtime failure.",
            "Java options (heap, off-heap): set SMOREKIT_JAVA_OPTS when using the ./smorekit launcher.",
        })
public final class Smorekit implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // no subcommand given: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit-code mapping and one-line error reporting. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Smorekit());
        cl.setExitCodeExceptionMapper(new ExitCodes());
        cl.setExecutionExceptionHandler(new FailureReporter());
        cl.setParameterExceptionHandler(new UsageErrorReporter());
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.setOut(new PrintStream(new StdoutNoiseFilter(new FileOutputStream(FileDescriptor.out)), true));
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) {
            // errors (out of memory, a failed native library) escape picocli's handler, which sees only exceptions
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("smorekit: " + FailureReporter.describe(t));
            code = ExitCodes.RUNTIME_FAILURE;
        }
        System.exit(code);
    }
}
