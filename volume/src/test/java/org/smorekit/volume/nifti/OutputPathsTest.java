package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void allowsAnotherFile() {
        assertDoesNotThrow(() -> OutputPaths.requireNotInput(dir.resolve("out.nii.gz"), dir.resolve("in.nii.gz")));
    }
}
