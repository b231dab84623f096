package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scans of a cohort, from the command line's arguments: a file is one scan; a folder means its {@code *.nii} and
 * {@code *.nii.gz} files (not its subfolders, not hidden files), sorted by name. Each scan writes to
 * {@code DIR/<name>/}, so two scans with the same name (compared ignoring case, since macOS and Windows file systems
 * do) are refused before any work.
 */
final class CohortInputs {

    private CohortInputs() {
    }

    /**
     * The scans named by {@code arguments}, in order.
     *
     * @throws IllegalArgumentException a folder without NIfTI files, or two scans with the same name
     */
    static List<CohortScan> resolve(List<Path> arguments, Path cohortDir) throws IOException {
        List<CohortScan> scans = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                List<Path> files = niftiFilesIn(argument);
                if (files.isEmpty()) {
                    throw new IllegalArgumentException("the folder " + argument
                            + " holds no NIfTI file (.nii, .nii.gz, or the .hdr of a .hdr/.img pair; folders are not"
                            + " searched recursively)");
                }
                files.forEach(f -> scans.add(CohortScan.of(f)));
            } else {
                // a missing or unreadable file is that scan's bad input, reported in its row, not a reason to stop
                scans.add(CohortScan.of(argument));
            }
        }
        requireDistinctNames(scans, cohortDir);
        return scans;
    }

    private static List<Path> niftiFilesIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> isNifti(p.getFileName().toString()))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /** A single-file NIfTI, or the header of a pair (its .img is the same scan, so it is not listed). */
    private static boolean isNifti(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !fileName.startsWith(".") && (lower.endsWith(".nii") || lower.endsWith(".nii.gz")
                || lower.endsWith(".hdr") || lower.endsWith(".hdr.gz"));
    }

    private static void requireDistinctNames(List<CohortScan> scans, Path cohortDir) {
        Map<String, CohortScan> byName = new HashMap<>();
        for (CohortScan scan : scans) {
            CohortScan earlier = byName.putIfAbsent(scan.name().toLowerCase(Locale.ROOT), scan);
            if (earlier != null) {
                throw new IllegalArgumentException("two inputs have the same name '" + scan.name() + "': "
                        + earlier.input() + " and " + scan.input() + "; each scan writes to "
                        + cohortDir.resolve(scan.name()) + "/ (its file name without .nii/.nii.gz, ignoring case), "
                        + "so give them distinct names (e.g. links named after the subject) or run them in "
                        + "separate cohorts");
            }
        }
    }
}
