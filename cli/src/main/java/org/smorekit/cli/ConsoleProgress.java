package org.smorekit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.smorekit.progress.ProgressListener;

/**
 * Shows the progress of long work on stderr.
 *
 * <ul>
 *   <li>{@link Mode#BAR} (an interactive terminal): one line redrawn in place with {@code \r}: a bar, percent,
 *       done/total, rate, ETA and the algorithm's note; at most every {@value #REDRAW_INTERVAL_MS} ms.</li>
 *   <li>{@link Mode#LINES} (output to a file or a pipe): a plain line each time another tenth of the phase is done.</li>
 *   <li>{@link Mode#SILENT} ({@code --quiet}): nothing.</li>
 * </ul>
 * The ETA is (total - done) / rate with rate = done / elapsed time of the phase, so it assumes evenly spaced work.
 */
public final class ConsoleProgress implements ProgressListener {

    /** How progress is drawn. */
    public enum Mode { BAR, LINES, SILENT }

    static final long REDRAW_INTERVAL_MS = 200;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier nanoClock;

    private String phase;
    private long phaseStartNanos;
    private long lastDrawNanos;
    private int lastTenth;
    private int lastLineLength;

    public ConsoleProgress(PrintWriter err, Mode mode, LongSupplier nanoClock) {
        this.err = err;
        this.mode = mode;
        this.nanoClock = nanoClock;
    }

    /** A bar on an interactive terminal, plain lines otherwise, nothing with {@code quiet}. */
    public static ConsoleProgress forConsole(PrintWriter err, boolean quiet) {
        Mode mode = quiet ? Mode.SILENT : System.console() != null ? Mode.BAR : Mode.LINES;
        return new ConsoleProgress(err, mode, System::nanoTime);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public synchronized void update(String phase, long done, long total, String note) {
        if (mode == Mode.SILENT) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!phase.equals(this.phase)) {
            if (this.phase != null) {
                finish(this.phase);
            }
            this.phase = phase;
            phaseStartNanos = now;
            lastDrawNanos = now - 2 * REDRAW_INTERVAL_MS * 1_000_000L;
            lastTenth = 0;
            lastLineLength = 0;
        }
        double fraction = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : 0;
        double elapsedS = (now - phaseStartNanos) / 1e9;
        double rate = elapsedS > 0 ? done / elapsedS : Double.NaN;
        String eta = rate > 0 && done < total ? "ETA " + duration((total - done) / rate) : "";
        String status = String.format(Locale.ROOT, "%3.0f%% %d/%d%s%s%s", 100 * fraction, done, total,
                Double.isFinite(rate) && rate > 0 ? "  " + rateText(rate) : "",
                eta.isEmpty() ? "" : "  " + eta,
                note == null || note.isBlank() ? "" : "  " + note);
        if (mode == Mode.BAR) {
            if (done < total && now - lastDrawNanos < REDRAW_INTERVAL_MS * 1_000_000L) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            String line = phase + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + status;
            err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            lastLineLength = line.length();
            err.flush();
        } else {
            int tenth = (int) Math.floor(fraction * 10 + 1e-9);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(phase + ": " + status);
                err.flush();
            }
        }
    }

    @Override
    public synchronized void finish(String phase) {
        if (mode == Mode.SILENT || this.phase == null || !this.phase.equals(phase)) {
            return;
        }
        double elapsedS = (nanoClock.getAsLong() - phaseStartNanos) / 1e9;
        if (mode == Mode.BAR) {
            err.println();
        }
        err.println(phase + ": done in " + duration(elapsedS));
        err.flush();
        this.phase = null;
    }

    /** A person's duration: "850 ms", "42 s", "3m05s", "1h02m". */
    static String duration(double seconds) {
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static String rateText(double perSecond) {
        return perSecond >= 1
                ? String.format(Locale.ROOT, "%.1f/s", perSecond)
                : String.format(Locale.ROOT, "%.1f s each", 1 / perSecond);
    }
}
