package org.smorekit.progress;

/**
 * Receives progress of long work (training, estimation, inference). Implementations render a bar with ETA on a
 * terminal, or plain lines in a log; algorithms only call {@link #update}.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param phase a short name of the current phase ("estimate", "train", "infer x-z", ...)
     * @param done  units of work finished in this phase
     * @param total units of work in this phase ({@code done <= total})
     * @param note  a short status ("loss 0.031"), or empty
     */
    void update(String phase, long done, long total, String note);

    /** Called once when a phase ends. */
    default void finish(String phase) {
    }

    /** A listener that ignores everything. */
    ProgressListener SILENT = (phase, done, total, note) -> { };
}
