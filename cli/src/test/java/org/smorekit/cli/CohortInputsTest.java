package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortInputsTest {

    @Test
    void aFolderMeansItsSingleFilesAndTheHeadersOfItsPairs(@TempDir Path dir) throws IOException {
        Path scans = Files.createDirectories(dir.resolve("scans"));
        for (String name : List.of("b.nii.gz", "a.hdr", "a.img", "c.nii", ".hidden.nii", "notes.txt")) {
            Files.writeString(scans.resolve(name), "");
        }
        Files.createDirectories(scans.resolve("sub.nii"));
        List<CohortScan> found = CohortInputs.resolve(List.of(scans), dir.resolve("out"));
        assertEquals(List.of("a", "b", "c"), found.stream().map(CohortScan::name).toList());
        assertEquals(scans.resolve("a.hdr"), found.get(0).input());
    }

    @Test
    void aFolderWithoutScansSaysWhatItLookedFor(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortInputs.resolve(List.of(dir), dir.resolve("out")));
        assertTrue(e.getMessage().contains("holds no NIfTI file (.nii, .nii.gz, or the .hdr of a .hdr/.img pair"),
                e.getMessage());
    }
}
