package org.smorekit.cli;

/** What became of one scan of a cohort. */
enum CohortStatus {

    /** {@code run} finished on it in this cohort run. */
    OK("ok", "ok"),
    /** Its {@code report.json} was already there (an earlier, interrupted cohort did it); not run again. */
    SKIPPED("skipped", "skipped"),
    /** {@code run} refused it (exit code 2: unreadable, not a thick-slice scan, too small, ...). */
    BAD_INPUT("bad-input", "bad input"),
    /** {@code run} failed on it (exit code 3: out of memory, a disk error, a bug). */
    FAILED("failed", "failed");

    private final String label;
    private final String words;

    CohortStatus(String label, String words) {
        this.label = label;
        this.words = words;
    }

    /** The word in cohort.tsv and cohort.json, e.g. "bad-input". */
    String label() {
        return label;
    }

    /** The words in the summary line, e.g. "bad input". */
    String words() {
        return words;
    }
}
