package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.Volume;

class ReportViewsTest {

    @Test
    void aRunIntoAnEarlierRunsFolderLeavesOnlyItsOwnViews(@TempDir Path dir) throws IOException {
        Volume scan = TestScans.phantom(12, 10, 8, 1, 1, 4);
        // an earlier run of a scan sliced along axis 0 left its views, and the user keeps a picture of their own
        Files.writeString(dir.resolve("view-ji-sr.png"), "stale");
        Files.writeString(dir.resolve("view-ki-input.png"), "stale");
        Files.writeString(dir.resolve("view-mine.png"), "the user's");

        List<ReportViews.Row> rows = ReportViews.write(dir, scan, scan, scan, 2);

        assertEquals(2, rows.size());
        assertFalse(Files.exists(dir.resolve("view-ji-sr.png")));
        assertFalse(Files.exists(dir.resolve("view-ki-input.png")));
        assertTrue(Files.exists(dir.resolve("view-mine.png")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("view-ik-cubic.png", "view-ik-input.png", "view-ik-sr.png", "view-jk-cubic.png",
                    "view-jk-input.png", "view-jk-sr.png", "view-mine.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
