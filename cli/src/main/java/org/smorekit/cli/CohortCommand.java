package org.smorekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code smorekit cohort}: {@code smorekit run} on many scans, one after the other, each into its own folder, with a
 * table of the results. Each scan is the {@code run} subcommand itself, executed in-process through picocli with the
 * cohort's options, so a scan's folder holds exactly what {@code run} writes and its {@code run.log} names the
 * {@code run} command that repeats it. A scan that fails does not stop the others; a scan whose {@code report.json}
 * exists is skipped as done, so an interrupted cohort resumes where it stopped.
 */
@Command(name = "cohort",
        mixinStandardHelpOptions = true,
        header = "Run the whole job ('smorekit run') on many scans, each into its own folder, with a table of results.",
        description = {
            "Each SCAN is a file, or a folder meaning its *.nii, *.nii.gz and *.hdr files (not its subfolders), sorted "
                    + "by name. A scan named <name>.nii.gz gets DIR/<name>/ with exactly what 'smorekit run' writes "
                    + "there (sr.nii.gz, report.html, report.json, run.log, ...); two scans with the same name are "
                    + "refused before any work.",
            "A scan that fails does not stop the others: its reason is recorded. A scan whose DIR/<name>/report.json "
                    + "exists is skipped as done (so an interrupted cohort resumes where it stopped), unless --redo.",
            "Writes DIR/cohort.tsv and DIR/cohort.json (one row per scan: name, input, status ok / skipped / "
                    + "bad-input / failed, the reason if not ok, the estimated FWHM in voxels and mm, whether the "
                    + "estimate was flagged, the SR volume, seconds, the nominal slice thickness in mm if known; "
                    + "rewritten after every scan) and DIR/cohort.log, "
                    + "and prints one summary line.",
            "Every scan gets the same options, --seed included, so its result does not depend on its place in the "
                    + "cohort. Without --slice-thickness each scan's nominal slice thickness comes from its own BIDS "
                    + "sidecar; --slice-thickness gives every scan the same.",
            "Exit code: 0 if every scan is ok or skipped, 2 if some had bad input and none failed, 3 if any failed.",
        },
        footer = {"", "Examples:",
            "  smorekit cohort --output out scans/           # every *.nii(.gz) in scans/",
            "  smorekit cohort --output out --quick a.nii.gz b.nii.gz",
            "  smorekit cohort --output out --redo scans/    # the done scans again too"})
public final class CohortCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ComputeOptions compute;

    @Mixin
    NoiseMatchingOption noiseMatching;

    @Mixin
    ProfileMethodOption profileMethod;

    @Mixin
    InterleaveCorrectionOption interleave;

    @Mixin
    InputOptions reading;

    @Mixin
    TrainingProfileOptions trainingProfile;

    @Mixin
    SliceThicknessOption thicknessOption;

    @Parameters(arity = "1..*", paramLabel = "SCAN",
            description = "Thick-slice scans (.nii, .nii.gz, .hdr/.img), or folders of them (*.nii, *.nii.gz, *.hdr).")
    List<Path> arguments;

    @Option(names = "--output", required = true, paramLabel = "<dir>",
            description = "Folder of the cohort: DIR/<name>/ per scan, cohort.tsv, cohort.json, cohort.log (created "
                    + "if missing).")
    Path output;

    @Option(names = "--redo",
            description = "Run every scan, also those whose DIR/<name>/report.json exists (default: skip them as "
                    + "done).")
    boolean redo;

    @Option(names = "--axis", paramLabel = "<0|1|2>",
            description = "The slice axis of every scan; detected per scan (largest spacing) when not given.")
    Integer axis;

    @Mixin
    RunJobOptions job;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        // refuse what would fail on every scan, and two scans that would share a folder, before any work
        Presets.estimator(job.iterations, compute, noiseMatching, 1);
        Presets.smore(job.quick, job.trainIterations, compute, noiseMatching);
        if (axis != null) {
            SliceAxisArguments.requireAxis(axis);
        }
        thicknessOption.givenMm(); // a bad --slice-thickness is refused once here, not by every scan's run
        if (reading.volumeIndex != null && reading.volumeIndex < 0) {
            throw new IllegalArgumentException("--volume must be >= 0, got " + reading.volumeIndex);
        }
        List<CohortScan> scans = CohortInputs.resolve(arguments, output);
        OutputFiles.createDirectory(output);
        CohortTable table = new CohortTable(output, scans.size());
        RunLog.record(output.resolve("cohort.log"), spec, log -> {
            log.param("scans", scans.size());
            log.param("run options", String.join(" ", runOptions()));
            log.param("redo", redo);
            for (int i = 0; i < scans.size(); i++) {
                CohortScan scan = scans.get(i);
                String label = String.format(Locale.ROOT, "scan %d/%d: %s", i + 1, scans.size(), scan.name());
                terminal.note(label);
                log.note(label + " (" + scan.input() + ")");
                CohortRow row = process(scan, terminal);
                table.add(row);
                table.write();
                String outcome = outcome(row);
                if (row.status() == CohortStatus.BAD_INPUT || row.status() == CohortStatus.FAILED) {
                    // the terminal has the reason already (run's one-line error, or the warning above)
                    log.warn(label + ": " + outcome);
                } else {
                    log.note(label + ": " + outcome, terminal);
                }
            }
            table.write();
            log.finish(table.summary());
        });
        terminal.result(table.summary());
        return table.exitCode();
    }

    /** Runs one scan (or skips it as done) and says what became of it. */
    private CohortRow process(CohortScan scan, Terminal terminal) {
        Path folder = scan.folder(output);
        Path report = folder.resolve("report.json");
        if (!redo && Files.isRegularFile(report)) {
            Map<String, Object> done = readReport(report);
            if (done == null) {
                terminal.warn(report + " cannot be read; running " + scan.name() + " again");
            } else {
                String recorded = CohortRow.reportedInput(done);
                String current = scan.absoluteInput();
                if (recorded != null && !recorded.equals(current)) {
                    String reason = folder + " holds the result of another input, " + recorded
                            + "; use another --output, or --redo to replace it";
                    terminal.warn(scan.name() + ": " + reason);
                    return CohortRow.withoutResult(scan, CohortStatus.BAD_INPUT, reason, 0);
                }
                return CohortRow.fromReport(scan, CohortStatus.SKIPPED, "done before: " + report
                        + " exists (--redo runs it again)", done, null);
            }
        }
        // a scan run again is not done until it succeeds: a failed redo must not leave the old report as its mark
        try {
            Files.deleteIfExists(report);
        } catch (IOException e) {
            String reason = "cannot remove the old " + report + " before running again: " + FailureReporter.describe(e);
            terminal.warn(scan.name() + ": " + reason);
            return CohortRow.withoutResult(scan, CohortStatus.FAILED, reason, 0);
        }
        long start = System.nanoTime();
        ScanRun run = runScan(scan, folder, terminal);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (run.exitCode() == ExitCodes.OK) {
            Map<String, Object> written = readReport(report);
            return written != null ? CohortRow.fromReport(scan, CohortStatus.OK, null, written, seconds)
                    : CohortRow.withoutResult(scan, CohortStatus.FAILED, "run finished but " + report
                            + " cannot be read", seconds);
        }
        return CohortRow.withoutResult(scan, run.exitCode() == ExitCodes.BAD_INPUT ? CohortStatus.BAD_INPUT
                : CohortStatus.FAILED, run.reason(), seconds);
    }

    /** The exit code of {@code smorekit run} on one scan, and why it failed (null when it did not). */
    private record ScanRun(int exitCode, String reason) {
    }

    /**
     * Executes {@code smorekit run} on one scan in-process, through a fresh command line configured like the one
     * {@code main} uses. Its notes and warnings go to the cohort's stderr; its result line too (the cohort's stdout
     * carries only the cohort's summary), or nowhere with {@code --quiet}.
     */
    private ScanRun runScan(CohortScan scan, Path folder, Terminal terminal) {
        List<String> args = new ArrayList<>(List.of("run", "--input=" + scan.input(), "--output=" + folder));
        args.addAll(runOptions());
        PrintWriter err = spec.commandLine().getErr();
        CommandLine run = Smorekit.commandLine();
        FailureCapture capture = new FailureCapture();
        run.setExecutionExceptionHandler(capture);
        run.setParameterExceptionHandler(capture);
        run.setErr(err);
        run.setOut(terminal.quiet() ? new PrintWriter(Writer.nullWriter()) : err);
        try {
            int code = run.execute(args.toArray(String[]::new));
            return new ScanRun(code, code == ExitCodes.OK ? null
                    : capture.reason != null ? capture.reason : "smorekit run exited with code " + code);
        } catch (Throwable t) {
            // errors (out of memory) escape picocli's handler; the next scan may still fit
            String reason = FailureReporter.describe(t);
            err.println("smorekit cohort: " + scan.name() + ": " + reason);
            err.flush();
            return new ScanRun(ExitCodes.RUNTIME_FAILURE, reason);
        }
    }

    /** The options every scan's {@code run} gets (all but --input and --output). */
    private List<String> runOptions() {
        List<String> a = new ArrayList<>();
        if (axis != null) {
            a.add("--axis=" + axis);
        }
        if (reading.volumeIndex != null) {
            a.add("--volume=" + reading.volumeIndex);
        }
        if (reading.nanToZero) {
            a.add("--nan-to-zero");
        }
        a.addAll(job.arguments());
        if (trainingProfile.keepFlaggedProfile) {
            a.add("--keep-flagged-profile");
        }
        if (thicknessOption.argument() != null) {
            a.add(thicknessOption.argument());
        }
        a.add(noiseMatching.argument());
        a.add(profileMethod.argument());
        a.add(interleave.argument());
        a.add("--seed=" + compute.seed);
        a.add("--threads=" + compute.threads);
        if (verbosity.quiet()) {
            a.add("--quiet");
        } else if (verbosity.verbose()) {
            a.add("--verbose");
        }
        return a;
    }

    private static Map<String, Object> readReport(Path report) {
        try {
            return JsonSidecar.read(report);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String outcome(CohortRow row) {
        return switch (row.status()) {
            case OK, SKIPPED -> (row.status() == CohortStatus.OK ? "ok" : "skipped, done before")
                    + (row.fwhmVoxels() == null ? "" : String.format(Locale.ROOT,
                    ", slice profile FWHM %.2f voxels = %.2f mm%s", row.fwhmVoxels(), row.fwhmMm(),
                    Boolean.TRUE.equals(row.flagged()) ? " (flagged)" : ""))
                    + (row.status() == CohortStatus.OK && row.seconds() != null
                    ? ", " + ConsoleProgress.duration(row.seconds()) : "");
            case BAD_INPUT, FAILED -> row.status().words() + ": " + row.reason();
        };
    }

    /** Reports a scan's failure as {@code main} would (one line) and keeps its reason for the table. */
    private static final class FailureCapture
            implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

        private final FailureReporter failures = new FailureReporter();
        private final UsageErrorReporter usage = new UsageErrorReporter();
        String reason;

        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
                throws Exception {
            reason = FailureReporter.describe(ExitCodes.unwrap(exception));
            return failures.handleExecutionException(exception, commandLine, parseResult);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException exception, String[] args) {
            reason = "smorekit run refused its options: " + exception.getMessage();
            return usage.handleParseException(exception, args);
        }
    }
}
