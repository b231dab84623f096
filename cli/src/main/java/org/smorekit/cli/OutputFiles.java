package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.smorekit.volume.nifti.OutputPaths;

/**
 * Rules for every file a command writes: never overwrite an input, create missing parent folders, and write through
 * a temporary file in the same folder that is renamed into place only when complete.
 */
public final class OutputFiles {

    /** Writes one file, given the path to write to. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path path) throws IOException;
    }

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private OutputFiles() {
    }

    /**
     * Checks an output path before any work is done: it must not be one of the inputs (the volume module's
     * {@link OutputPaths#requireNotInput} rule, which also protects the other half of a .hdr/.img pair), and its
     * folder is created if missing.
     */
    public static Path prepare(Path output, Path... inputs) throws IOException {
        OutputPaths.requireNotInput(output, inputs);
        createParentDirectories(output);
        return output;
    }

    /** Creates the folders above {@code file} if they are missing; refuses a path through an existing file. */
    public static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new FileAlreadyExistsException(p + " (it is a file, so " + file + " cannot be written"
                            + " inside it)");
                }
                break;
            }
        }
        Files.createDirectories(parent);
    }

    /** Creates {@code dir} (and its parents) if missing; refuses a path that is an existing regular file. */
    public static Path createDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir + " (it is a file, an output folder is needed)");
        }
        return Files.createDirectories(dir);
    }

    /**
     * Writes {@code target} atomically: {@code writer} writes a temporary file in the same folder whose name ends like
     * the target's (so that writers choosing a format by extension, like {@code .nii.gz}, still do), which is then
     * renamed onto {@code target}. On failure the temporary file is deleted and the target is untouched; a process
     * stopped while writing (Ctrl-C, SIGTERM) deletes it on its way out. A failure names the target, not the
     * temporary file ({@link OutputPaths#naming}).
     */
    public static void writeAtomically(Path target, FileWriter writer) throws IOException {
        createParentDirectories(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(String.format(Locale.ROOT, ".tmp-%d-%d-%s",
                ProcessHandle.current().pid(), TEMP_COUNTER.incrementAndGet(), target.getFileName()));
        // a process stopped mid-write (Ctrl-C, kill) skips the finally below but runs the JVM's exit hooks
        tmp.toFile().deleteOnExit();
        try {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw OutputPaths.naming(target, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The path of a file that belongs to a volume: the volume's name with its NIfTI extension
     * ({@code .nii.gz}, {@code .nii}, {@code .hdr}, {@code .img}) replaced, e.g. {@code LR.nii.gz -> LR.json}.
     */
    public static Path sibling(Path volume, String newExtension) {
        String name = volume.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".nii", ".hdr.gz", ".img.gz", ".hdr", ".img"}) {
            if (lower.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return volume.resolveSibling(name + newExtension);
    }
}
