package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void refusesTheInputItselfUnderAnotherSpelling() throws Exception {
        Path input = Files.writeString(dir.resolve("scan.nii.gz"), "x");
        Path sameFile = dir.resolve("sub").resolve("..").resolve("scan.nii.gz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputPaths.requireNotInput(sameFile, dir.resolve("other.nii"), input));
        assertTrue(e.getMessage().contains("refusing to overwrite an input"), e.getMessage());
        assertTrue(e.getMessage().contains("scan.nii.gz"), e.getMessage());
    }

    @Test
    void refusesTheImageOfAPairInput() {
        assertThrows(IllegalArgumentException.class,
                () -> OutputPaths.requireNotInput(dir.resolve("pair.img"), dir.resolve("pair.hdr")));
    }

    @Test
    void refusesTheBidsSidecarOfAnInputThatAnOutputNamedLikeItWouldWrite() {
        // upsample --input scan.nii.gz --output scan.nii would write its own sidecar over scan.json
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputPaths.requireNotInput(dir.resolve("scan.json"), dir.resolve("scan.nii.gz")));
        assertTrue(e.getMessage().contains("the sidecar of the input"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> OutputPaths.requireNotInput(dir.resolve("pair.json"), dir.resolve("pair.hdr")));
        assertDoesNotThrow(() -> OutputPaths.requireNotInput(dir.resolve("scan.nii"), dir.resolve("scan.nii.gz")));
    }

    @Test
    void aFailedWriteNamesTheOutputNotItsTemporaryFile() {
        Path target = dir.resolve("c.json");
        IOException refused = OutputPaths.naming(target,
                new FileNotFoundException(dir.resolve(".tmp-1-1-c.json") + " (Operation not permitted)"));
        assertInstanceOf(FileSystemException.class, refused);
        assertEquals(target + ": Operation not permitted", refused.getMessage());
        IOException denied = OutputPaths.naming(target,
                new FileNotFoundException(dir.resolve(".tmp-1-2-c.json") + " (Permission denied)"));
        assertInstanceOf(AccessDeniedException.class, denied);
        assertEquals(target.toString(), ((FileSystemException) denied).getFile());
        IOException full = OutputPaths.naming(target, new IOException("No space left on device"));
        assertFalse(full instanceof FileSystemException, "a failure midway is not a refusal");
        assertEquals("cannot write " + target + ": No space left on device", full.getMessage());
        assertFalse(full.getMessage().contains(".tmp"), full.getMessage());
    }

    @Test
    void allowsAnotherFile() {
        assertDoesNotThrow(() -> OutputPaths.requireNotInput(dir.resolve("out.nii.gz"), dir.resolve("in.nii.gz")));
    }
}
