package org.smorekit.degrade;

/**
 * A slice-profile file or specification whose content is invalid (not numbers, negative or non-finite values, an even
 * number of taps, an empty file, an unknown profile kind). The message names the source and the problem. It is an
 * {@link IllegalArgumentException}, so callers that do not distinguish bad input from bad arguments need no extra case.
 */
public final class ProfileFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProfileFormatException(String message) {
        super(message);
    }

    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
