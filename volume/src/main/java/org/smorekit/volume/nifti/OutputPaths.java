package org.smorekit.volume.nifti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Guards against writing an output over one of the inputs (the writer itself does not know the inputs). */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Throws IllegalArgumentException if {@code output} names the same file as one of {@code inputs} (after making
     * both absolute and normalised, and following links when both exist). For a {@code .hdr} input its
     * {@code .img[.gz]} is protected too, and the other way round.
     */
    public static void requireNotInput(Path output, Path... inputs) {
        if (output == null) {
            throw new IllegalArgumentException("output path must not be null");
        }
        Path out = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            for (Path protectedPath : withPairFiles(input.toAbsolutePath().normalize())) {
                if (same(out, protectedPath)) {
                    throw new IllegalArgumentException("output " + output + " is the input file " + protectedPath
                            + "; refusing to overwrite an input (choose another output name)");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static List<Path> withPairFiles(Path input) {
        List<Path> all = new ArrayList<>();
        all.add(input);
        String name = input.getFileName() == null ? "" : input.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String base = gz ? name.substring(0, name.length() - 3) : name;
        String lowerBase = base.toLowerCase(Locale.ROOT);
        if (lowerBase.endsWith(".hdr") || lowerBase.endsWith(".img")) {
            String stem = base.substring(0, base.length() - 4);
            for (String ext : new String[] {".hdr", ".hdr.gz", ".img", ".img.gz"}) {
                all.add(input.resolveSibling(stem + ext));
            }
        }
        return all;
    }
}
