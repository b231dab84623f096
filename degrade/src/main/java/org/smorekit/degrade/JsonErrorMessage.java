package org.smorekit.degrade;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A JSON syntax error as a person reads it: Jackson's message without its source description (which, with the source
 * hidden, reads "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ...]"), followed by
 * "at line L, column C".
 */
public final class JsonErrorMessage {
    private JsonErrorMessage() {
    }

    /** "Unexpected end-of-input: expected close marker for Object at line 2, column 1". */
    public static String of(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .strip();
        JsonLocation at = e.getLocation();
        return at == null ? message : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
