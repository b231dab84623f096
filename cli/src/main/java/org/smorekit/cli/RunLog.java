package org.smorekit.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A plain-text record of one command's work, written next to its outputs: the command line, the version, the
 * resolved parameters, the time each step took and every warning. Lines are written as they happen (flushed), so a
 * run that fails still leaves its log.
 */
public final class RunLog implements Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final List<String> warnings = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    private RunLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates (or replaces) the log file and writes its header.
     *
     * @param commandName the subcommand, e.g. "run"
     * @param args        the whole command line after "smorekit" (picocli's original arguments)
     */
    public static RunLog create(Path file, String commandName, List<String> args) throws IOException {
        OutputFiles.createParentDirectories(file);
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // the folder exists (created above) but takes no new file, e.g. /proc
            throw new FileSystemException(file.toString(), null, "the folder does not take new files (the log, and"
                    + " the outputs beside it, cannot be written there)");
        }
        RunLog log = new RunLog(file, writer);
        log.line("smorekit " + VersionProvider.version() + " " + commandName);
        log.line("command: smorekit " + String.join(" ", quoted(args)));
        log.line("started: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        log.line(String.format(Locale.ROOT, "java: %s, cores: %d, max heap: %d MB",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        return log;
    }

    /** Creates the log of a running picocli command, with its name and its original arguments. */
    public static RunLog create(Path file, CommandSpec command) throws IOException {
        return create(file, command.name(), command.commandLine().getParseResult().originalArgs());
    }

    /** A command's work that writes to its log. */
    @FunctionalInterface
    public interface Work {
        void run(RunLog log) throws Exception;
    }

    /**
     * Runs {@code work} with a new log of the running {@code command}; when the work fails, the log's closing line
     * says why ("failed: ...") and the failure is rethrown for picocli to report.
     */
    public static void record(Path file, CommandSpec command, Work work) throws Exception {
        try (RunLog log = create(file, command)) {
            try {
                work.run(log);
            } catch (Exception e) {
                log.finish("failed: " + FailureReporter.describe(ExitCodes.unwrap(e)));
                throw e;
            }
        }
    }

    public Path file() {
        return file;
    }

    /** A resolved parameter, e.g. {@code param("scale", 4.0)}. */
    public void param(String name, Object value) {
        line("param " + name + " = " + value);
    }

    /** Something that happened. */
    public void note(String text) {
        line("note  " + text);
    }

    /** Something the user should know about the result; kept for the JSON sidecar too ({@link #warnings()}). */
    public void warn(String text) {
        warnings.add(text);
        line("WARNING " + text);
    }

    /** A note for the log that is also shown on the terminal (unless {@code --quiet}). */
    public void note(String text, Terminal terminal) {
        note(text);
        terminal.note(text);
    }

    /** A warning for the log that is also shown on the terminal. */
    public void warn(String text, Terminal terminal) {
        warn(text);
        terminal.warn(text);
    }

    /** How long a step took. */
    public void timing(String step, double seconds) {
        line(String.format(Locale.ROOT, "time  %s: %.2f s", step, seconds));
    }

    /** The warnings so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Seconds since the log was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Writes the closing line with the outcome. */
    public void finish(String outcome) {
        line(String.format(Locale.ROOT, "finished: %s after %.2f s (%s)",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), elapsedSeconds(), outcome));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private synchronized void line(String text) {
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file, e);
        }
    }

    private static List<String> quoted(List<String> args) {
        List<String> q = new ArrayList<>(args.size());
        for (String a : args) {
            q.add(a.isEmpty() || a.matches(".*[\\s'\"$\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return q;
    }
}
