package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * The real Colin27 T1 (181x217x181 uint8, 1 mm, sform code 4) from the shared data folder: system property
 * {@code smorekit.sharedData}, else {@code ../shared/data} from the repository root. Skipped only if absent.
 */
class Colin27Test {
    static Path colin27() {
        String prop = System.getProperty("smorekit.sharedData");
        Path folder = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "data");
        if (prop == null && !Files.isDirectory(folder)) {
            folder = Path.of("..", "shared", "data");
        }
        return folder.resolve("colin27-t1-1mm.nii.gz");
    }

    @Test
    void readsColin27QuicklyWithItsSform() throws Exception {
        Path file = colin27();
        assumeTrue(Files.isRegularFile(file), "shared data not present: " + file.toAbsolutePath());
        long first = 0;
        long best = Long.MAX_VALUE;
        NiftiImage image = null;
        for (int repeat = 0; repeat < 3; repeat++) {
            long t0 = System.nanoTime();
            image = NiftiReader.read(file);
            long t = System.nanoTime() - t0;
            first = repeat == 0 ? t : first;
            best = Math.min(best, t);
        }
        System.out.printf("Colin27 read: first in this JVM %.1f ms, best of 3 %.1f ms%n", first / 1e6, best / 1e6);
        Volume v = image.volume();
        assertArrayEquals(new int[] {181, 217, 181}, v.shape());
        assertArrayEquals(new double[] {1, 1, 1}, v.spacingMm(), 1e-9);
        assertEquals(4, image.header().sformCode());
        // nibabel: img.affine of this file
        Affine expected = Affine.of(1, 0, 0, -90, 0, 1, 0, -125, 0, 0, 1, -71, 0, 0, 0, 1);
        assertEquals(0.0, v.affine().maxAbsDifference(expected), 1e-9);
        assertEquals(NiftiDataType.UINT8.code(), image.header().datatype());
        float max = 0;
        for (int i = 0; i < v.size(); i++) {
            max = Math.max(max, v.get(i));
        }
        assertTrue(max > 0 && max <= 255, "uint8 range, got max " + max);
        assertTrue(best < 3_000_000_000L, "read took " + best / 1e6 + " ms");
    }

    @Test
    void writesColin27BackExactly(@TempDir Path dir) throws Exception {
        Path file = colin27();
        assumeTrue(Files.isRegularFile(file), "shared data not present: " + file.toAbsolutePath());
        NiftiImage image = NiftiReader.read(file);
        Volume v = image.volume();
        for (NiftiDataType type : new NiftiDataType[] {NiftiDataType.UINT8, NiftiDataType.FLOAT32}) {
            Path out = dir.resolve("colin27-" + type + ".nii.gz");
            long t0 = System.nanoTime();
            NiftiWriter.write(v, out, type);
            System.out.printf("Colin27 write as %s .nii.gz: %.1f ms, %d bytes%n", type, (System.nanoTime() - t0) / 1e6,
                    Files.size(out));
            NiftiWriterTest.dump(out);
            NiftiImage back = NiftiReader.read(out);
            assertArrayEquals(v.toArray(), back.volume().toArray());
            assertEquals(v.affine(), back.volume().affine());
            assertEquals(4, back.header().sformCode());
            assertEquals(0, back.header().qformCode());
            assertEquals(image.header().descrip(), back.header().descrip());
        }
    }
}
