package org.smorekit.volume.nifti;

import java.io.IOException;

/**
 * A file that is not a readable NIfTI image: missing, truncated, not gzip, bad magic, unsupported datatype, ... The
 * message is one line meant for a user and starts with the file name.
 */
public class NiftiFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NiftiFormatException(String message) {
        super(message);
    }

    public NiftiFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
