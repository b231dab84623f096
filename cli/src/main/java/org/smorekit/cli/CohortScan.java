package org.smorekit.cli;

import java.nio.file.Path;

/**
 * One scan of a cohort: its input file and its name, the file name without its NIfTI extension ({@code .nii.gz},
 * {@code .nii}, {@code .hdr}, {@code .img}, ...), which names its output folder {@code DIR/<name>/}.
 */
record CohortScan(String name, Path input) {

    /** The scan of {@code input}, named after its file. */
    static CohortScan of(Path input) {
        return new CohortScan(OutputFiles.sibling(input, "").getFileName().toString(), input);
    }

    /** The input as an absolute, normalised path (as {@code smorekit run} records it in report.json). */
    String absoluteInput() {
        return input.toAbsolutePath().normalize().toString();
    }

    /** The scan's output folder in the cohort's folder. */
    Path folder(Path cohortDir) {
        return cohortDir.resolve(name);
    }
}
