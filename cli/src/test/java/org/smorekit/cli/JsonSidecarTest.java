package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSidecarTest {

    @Test
    void roundTripKeepsOrderArraysAndInfinity(@TempDir Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", new double[] {0.25, 0.5, 0.25});
        m.put("psnr_db", Double.POSITIVE_INFINITY);
        m.put("axis", 2);
        Path file = dir.resolve("sub/out.json");
        JsonSidecar.write(file, m);
        String text = Files.readString(file);
        assertTrue(text.contains("\"psnr_db\" : \"Infinity\""), text);
        Map<String, Object> back = JsonSidecar.read(file);
        assertEquals(List.of("values", "psnr_db", "axis"), List.copyOf(back.keySet()));
        assertEquals(List.of(0.25, 0.5, 0.25), back.get("values"));
        assertEquals(Double.POSITIVE_INFINITY, Double.parseDouble((String) back.get("psnr_db")));
    }

    @Test
    void siblingReplacesTheNiftiExtension() {
        assertEquals(Path.of("d/LR.json"), OutputFiles.sibling(Path.of("d/LR.nii.gz"), ".json"));
        assertEquals(Path.of("LR.log"), OutputFiles.sibling(Path.of("LR.nii"), ".log"));
        assertEquals(Path.of("a.b.json"), OutputFiles.sibling(Path.of("a.b"), ".json"));
    }

    @Test
    void anOutputMayNotBeAnInput(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.nii"), "x");
        var e = assertThrows(IllegalArgumentException.class,
                () -> OutputFiles.prepare(dir.resolve("./in.nii"), in));
        assertTrue(e.getMessage().contains("refusing to overwrite an input"), e.getMessage());
    }

    @Test
    void aFailedAtomicWriteLeavesTheTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("keep.txt"), "old");
        assertThrows(IOException.class, () -> OutputFiles.writeAtomically(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
