package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Read a fixture, write it (float32 and the original type), read it back, and compare with what nibabel read from the
 * original. If the system property {@code smorekit.nifti.dumpDir} names a folder, the written files are also copied
 * there, so that {@code src/test/resources/nifti/verify_written.py} can check them with nibabel.
 */
class NiftiWriterTest {
    @TempDir
    Path dir;

    static Stream<String> fixtures() {
        return NibabelReference.FIXTURES.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void float32RoundTripKeepsWhatNibabelReads(String name) throws Exception {
        NibabelReference ref = NibabelReference.load(name);
        Volume read = NiftiReader.read(NibabelReference.fixture(name), ref.readOptions()).volume();
        Path out = dir.resolve(stem(name) + ".f32.nii.gz");
        NiftiWriter.write(read, out);
        dump(out);
        NiftiImage back = NiftiReader.read(out);
        assertGeometry(ref, back);
        assertEquals(NiftiDataType.FLOAT32.code(), back.header().datatype());
        for (int i = 0; i < ref.values().length; i++) {
            assertEquals((float) ref.valueOrZero(i), back.volume().get(i), "voxel " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void originalTypeRoundTripRoundsAndClamps(String name) throws Exception {
        NibabelReference ref = NibabelReference.load(name);
        Volume read = NiftiReader.read(NibabelReference.fixture(name), ref.readOptions()).volume();
        NiftiDataType type = NiftiWriter.originalDataType(read);
        assertEquals(ref.datatype(), type.code());
        Path out = dir.resolve(stem(name) + ".orig.nii");
        NiftiWriter.write(read, out, type);
        dump(out);
        NiftiImage back = NiftiReader.read(out);
        assertGeometry(ref, back);
        assertEquals(ref.datatype(), back.header().datatype());
        assertFalse(back.header().hasScaling(), "scaling is reset to none");
        for (int i = 0; i < ref.values().length; i++) {
            double v = (float) ref.valueOrZero(i);
            double expected = type.isInteger() ? Math.min(type.maxValue(), Math.max(type.minValue(), Math.rint(v)))
                    : v;
            assertEquals(expected, back.volume().get(i), Math.abs(expected) * 1e-7, "voxel " + i);
        }
    }

    @Test
    void newVolumeGetsNibabelsDefaultCodes() throws Exception {
        Affine a = Affine.of(0, 0, -2, 10, 1.5, 0, 0, -3, 0, 1.5, 0, 4, 0, 0, 0, 1);
        Volume v = Volume.of(new int[] {5, 4, 3}, new float[60], a);
        NiftiHeader h = NiftiWriter.headerFor(v, NiftiDataType.FLOAT32);
        // nibabel: Nifti1Image(np.zeros((5,4,3), np.float32), a).header gives exactly these
        assertEquals(2, h.sformCode());
        assertEquals(0, h.qformCode());
        assertArrayEquals(new double[] {-1, 1.5, 1.5, 2, 1, 1, 1, 1}, h.pixdim(), 1e-12);
        assertEquals(0.5, h.quaternB(), 1e-12);
        assertEquals(0.5, h.quaternC(), 1e-12);
        assertEquals(0.5, h.quaternD(), 1e-12);
        Path out = dir.resolve("new.nii.gz");
        NiftiWriter.write(v, out);
        assertTrue(NiftiReader.read(out).volume().affine().maxAbsDifference(a) < 1e-6);
    }

    @Test
    void writtenQformReproducesARotatedAffine() throws Exception {
        NibabelReference ref = NibabelReference.load("qform_only.nii");
        Volume read = NiftiReader.read(NibabelReference.fixture("qform_only.nii")).volume();
        NiftiHeader h = NiftiWriter.headerFor(read, NiftiDataType.FLOAT32);
        assertEquals(0, h.sformCode());
        assertEquals(1, h.qformCode());
        assertEquals(-1, h.pixdim(0), "qfac of a left-handed affine");
        assertTrue(NiftiTransforms.qformAffine(h).maxAbsDifference(ref.affine()) < 1e-5);
    }

    @Test
    void headerFieldsThatStillApplyAreKept() throws Exception {
        Volume read = NiftiReader.read(NibabelReference.fixture("float32_le.nii.gz")).volume();
        Path out = dir.resolve("kept.nii.gz");
        NiftiWriter.write(read.withGrid(new int[] {5, 4, 2}, new float[40], read.affine().resampledAxis(2, 0, 1.5)),
                out);
        NiftiHeader h = NiftiReader.readHeader(out);
        assertEquals("smorekit fixture float32", h.descrip());
        assertEquals(read.header().orElseThrow().xyztUnits(), h.xyztUnits());
        assertEquals(1, h.sformCode());
        assertEquals(1, h.qformCode());
        assertArrayEquals(new long[] {3, 5, 4, 2, 1, 1, 1, 1}, h.dim());
        assertEquals(4.5, h.pixdim(3), 1e-5, "slice spacing 3 mm * 1.5");
    }

    @Test
    void overwritingIsAtomicAndLeavesNoTemporaryFile() throws Exception {
        Volume v = NiftiReader.read(NibabelReference.fixture("uint8.nii.gz")).volume();
        Path out = dir.resolve("twice.nii.gz");
        NiftiWriter.write(v, out);
        NiftiWriter.write(v.withData(new float[v.size()]), out);
        assertEquals(0f, NiftiReader.read(out).volume().get(7));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the output remains");
        }
    }

    @Test
    void refusesOtherExtensions() {
        Volume v = Volume.of(new int[] {1, 1, 1}, new float[1], Affine.identity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiWriter.write(v, dir.resolve("out.img")));
        assertTrue(e.getMessage().contains(".nii.gz or .nii") && e.getMessage().contains("out.img"), e.getMessage());
    }

    private static void assertGeometry(NibabelReference ref, NiftiImage back) {
        assertArrayEquals(ref.shape(), back.volume().shape(), "shape");
        assertTrue(ref.affine().maxAbsDifference(back.volume().affine()) < 1e-4,
                () -> "affine " + back.volume().affine() + " vs nibabel " + ref.affine());
        boolean hadCodes = ref.sformCode() != 0 || ref.qformCode() != 0;
        assertEquals(hadCodes ? ref.sformCode() : 2, back.header().sformCode(), "sform_code");
        assertEquals(ref.qformCode(), back.header().qformCode(), "qform_code");
    }

    private static String stem(String name) {
        return name.replace(".nii.gz", "").replace(".nii", "").replace(".hdr", "");
    }

    static void dump(Path written) throws IOException {
        String target = System.getProperty("smorekit.nifti.dumpDir");
        if (target != null) {
            Files.copy(written, Path.of(target).resolve(written.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
