package org.smorekit.cli;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.zip.ZipException;

import org.smorekit.volume.nifti.NiftiFormatException;

import picocli.CommandLine;

/**
 * The process exit codes of {@code smorekit}, and which failures map to which code.
 *
 * <ul>
 *   <li>{@value #OK}: success;</li>
 *   <li>{@value #USAGE}: the command line is wrong (unknown option, missing parameter, malformed number);</li>
 *   <li>{@value #BAD_INPUT}: an input is wrong (missing or unreadable file, not a valid NIfTI, a 4-D or isotropic scan
 *       where a thick-slice 3-D scan is needed, an unknown profile specification, a value out of range), or the
 *       file system refuses a file or folder (missing, permission, a read-only or immutable folder:
 *       {@code FileSystemException});</li>
 *   <li>{@value #RUNTIME_FAILURE}: the work itself failed (out of memory, a write that fails midway such as on a full
 *       disk, a bug).</li>
 * </ul>
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int RUNTIME_FAILURE = 3;

    @Override
    public int getExitCode(Throwable exception) {
        return forException(exception);
    }

    /** The exit code for a failure raised while a command ran. */
    public static int forException(Throwable exception) {
        Throwable t = unwrap(exception);
        if (t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (isBadInput(t)) {
            return BAD_INPUT;
        }
        return RUNTIME_FAILURE;
    }

    /** Unwraps {@link UncheckedIOException} and picocli's execution wrapper to the cause that explains the failure. */
    static Throwable unwrap(Throwable exception) {
        Throwable t = exception;
        while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException
                || t instanceof NiftiFormatException
                || t instanceof FileNotFoundException
                || t instanceof FileSystemException // also NoSuchFile, AccessDenied, NotDirectory, FileAlreadyExists
                || t instanceof EOFException
                || t instanceof ZipException;
    }
}
