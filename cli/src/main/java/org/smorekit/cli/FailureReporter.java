package org.smorekit.cli;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a running command into ONE line on stderr and an exit code ({@link ExitCodes}).
 * The stack trace is printed only with {@code --verbose}.
 */
public final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = ExitCodes.unwrap(exception);
        err.println(commandLine.getCommandName().equals("smorekit")
                ? "smorekit: " + describe(cause)
                : "smorekit " + commandLine.getCommandName() + ": " + describe(cause));
        if (verbose(parseResult)) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.forException(cause);
    }

    /** Also used for errors that are not exceptions of a command (e.g. out of memory, caught in {@code main}). */
    static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().strip().replace('\n', ' ');
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            return "file not found: " + message;
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory: " + message;
        }
        if (t instanceof FileAlreadyExistsException) {
            return "file already exists: " + message;
        }
        if (t instanceof FileSystemException) {
            return "the file system refused " + message;
        }
        if (t instanceof EOFException) {
            return "file ends early (truncated?)" + (message.isEmpty() ? "" : ": " + message);
        }
        if (t instanceof ZipException) {
            return "not a valid gzip file" + (message.isEmpty() ? "" : ": " + message);
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + message + "); give Java more with SMOREKIT_JAVA_OPTS=\"-Xmx8g\"";
        }
        if (t instanceof IllegalArgumentException || ExitCodes.forException(t) == ExitCodes.BAD_INPUT) {
            return message.isEmpty() ? t.getClass().getSimpleName() : message;
        }
        // an unexpected failure: name the exception type, it is the first thing a bug report needs
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
                + " (run again with --verbose for details)";
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
