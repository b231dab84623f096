package org.smorekit.volume.nifti;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Guards against writing an output over one of the inputs (the writer itself does not know the inputs), and names
 * the output, not its temporary file, when writing it fails.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Throws IllegalArgumentException if {@code output} names the same file as one of {@code inputs} (after making
     * both absolute and normalised, and following links when both exist). For a {@code .hdr} input its
     * {@code .img[.gz]} is protected too, and the other way round; for any NIfTI input its BIDS sidecar (the same name
     * with {@code .json}), which commands read the slice thickness from and would otherwise overwrite with their own
     * sidecar when an output is named like the input ({@code scan.nii.gz -> scan.nii} writes {@code scan.json}).
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
            for (Path protectedPath : withItsFiles(input.toAbsolutePath().normalize())) {
                if (same(out, protectedPath)) {
                    throw new IllegalArgumentException("output " + output + " is " + describe(protectedPath, input)
                            + "; refusing to overwrite an input (choose another output name)");
                }
            }
        }
    }

    /** What {@code protectedPath}, one of {@link #withItsFiles}'s paths of {@code input}, is to the user. */
    private static String describe(Path protectedPath, Path input) {
        if (protectedPath.equals(input.toAbsolutePath().normalize())) {
            return "the input file " + protectedPath;
        }
        if (protectedPath.getFileName().toString().endsWith(".json")) {
            return (Files.exists(protectedPath) ? "the sidecar of the input " : "where the sidecar of the input (read"
                    + " for its slice thickness) would be, so it would be taken for it: ") + input + ": "
                    + protectedPath;
        }
        return "the other half of the input pair " + input + ": " + protectedPath;
    }

    /**
     * The failure {@code e} to write {@code target}, told about {@code target} (the path the user gave) instead of the
     * temporary file it happened on: a refusal of the file system (permission, a read-only or immutable folder) stays
     * a {@link FileSystemException}, {@link AccessDeniedException} for a permission; anything else (a full disk) an
     * IOException naming the target. The original is the cause. A {@link NiftiFormatException} (what is written is
     * wrong, not where) is returned as it is.
     */
    public static IOException naming(Path target, IOException e) {
        if (e instanceof NiftiFormatException) {
            return e;
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : reasonOf(e.getMessage());
        IOException named;
        if (e instanceof AccessDeniedException || "Permission denied".equals(reason)) {
            named = new AccessDeniedException(target.toString(), null, reason);
        } else if (e instanceof FileSystemException || e instanceof FileNotFoundException) {
            named = new FileSystemException(target.toString(), null, reason == null ? "cannot be written" : reason);
        } else {
            named = new IOException("cannot write " + target + ": " + e.getMessage());
        }
        named.initCause(e);
        return named;
    }

    /** What a {@code FileOutputStream} message {@code "PATH (REASON)"} gives as its reason; null if none. */
    private static String reasonOf(String message) {
        if (message == null || !message.endsWith(")") || message.lastIndexOf(" (") < 0) {
            return null;
        }
        return message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
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

    /** {@code input} and the files that belong to it: the other half of a .hdr/.img pair, its BIDS sidecar. */
    private static List<Path> withItsFiles(Path input) {
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
            all.add(input.resolveSibling(stem + ".json"));
        } else if (lowerBase.endsWith(".nii")) {
            all.add(input.resolveSibling(base.substring(0, base.length() - 4) + ".json"));
        }
        return all;
    }
}
