package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A truncated JSON object, as a person reads the error: what is wrong and where, without Jackson's source notes. */
class JsonErrorMessageTest {

    @Test
    void saysWhatAndWhereWithoutTheSourceDescription() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree("{\"SliceThickness\": 5\n"));
        assertEquals("Unexpected end-of-input: expected close marker for Object at line 2, column 1",
                JsonErrorMessage.of(e));
    }
}
