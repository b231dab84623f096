package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smorekit.volume.AxisCodes;
import org.smorekit.volume.Volume;

/** Reads every fixture and compares with what nibabel read from it (the JSON next to it). */
class NiftiReaderTest {

    static Stream<String> fixtures() {
        return NibabelReference.FIXTURES.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsLikeNibabel(String name) throws Exception {
        NibabelReference ref = NibabelReference.load(name);
        NiftiImage image = NiftiReader.read(NibabelReference.fixture(name), ref.readOptions());
        Volume v = image.volume();
        assertArrayEquals(ref.shape(), v.shape(), "shape");
        assertTrue(ref.affine().maxAbsDifference(v.affine()) < 1e-9,
                () -> "affine " + v.affine() + " vs nibabel " + ref.affine());
        assertEquals(ref.axcodes(), AxisCodes.of(v.affine()), "axis codes");
        // nibabel reports codes after its load-time fixes (invalid codes read as 0)
        assertEquals(ref.qformCode(), NiftiTransforms.effectiveQformCode(image.header()), "qform_code");
        assertEquals(ref.sformCode(), NiftiTransforms.effectiveSformCode(image.header()), "sform_code");
        assertEquals(ref.datatype(), image.header().datatype(), "datatype");
        assertEquals(ref.nonFinite(), image.nonFiniteCount(), "non-finite count");
        assertEquals(ref.values().length, v.size());
        for (int i = 0; i < v.size(); i++) {
            double expected = ref.valueOrZero(i);
            assertEquals(expected, v.get(i), Math.abs(expected) * 1e-7 + 1e-30, "voxel " + i);
        }
        assertEquals(image.header(), v.header().orElseThrow(), "the volume keeps the header");
    }

    @Test
    void detectsBothByteOrdersAndVersions() throws Exception {
        assertEquals(ByteOrder.BIG_ENDIAN,
                NiftiReader.readHeader(NibabelReference.fixture("int16_be.nii")).byteOrder());
        assertEquals(ByteOrder.LITTLE_ENDIAN,
                NiftiReader.readHeader(NibabelReference.fixture("int16_scaled.nii")).byteOrder());
        NiftiHeader v2 = NiftiReader.readHeader(NibabelReference.fixture("nifti2_be.nii"));
        assertEquals(2, v2.version());
        assertEquals(ByteOrder.BIG_ENDIAN, v2.byteOrder());
    }

    @Test
    void pairCanBeOpenedByEitherName() throws Exception {
        Volume fromHdr = NiftiReader.read(NibabelReference.fixture("pair.hdr")).volume();
        Volume fromImg = NiftiReader.read(NibabelReference.fixture("pair.img")).volume();
        assertArrayEquals(fromHdr.toArray(), fromImg.toArray());
        assertEquals(fromHdr.affine(), fromImg.affine());
    }

    @Test
    void gzippedPairIsRead(@TempDir Path dir) throws Exception {
        for (String ext : new String[] {".hdr", ".img"}) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("pair" + ext + ".gz")))) {
                Files.copy(NibabelReference.fixture("pair" + ext), out);
            }
        }
        Volume plain = NiftiReader.read(NibabelReference.fixture("pair.hdr")).volume();
        Volume gz = NiftiReader.read(dir.resolve("pair.hdr.gz")).volume();
        assertArrayEquals(plain.toArray(), gz.toArray());
        assertEquals(plain.affine(), gz.affine());
    }

    @Test
    void fourDimensionalFileIsRefusedWithoutAVolumeIndex() {
        NiftiFormatException e = assertThrows(NiftiFormatException.class,
                () -> NiftiReader.read(NibabelReference.fixture("fourd.nii.gz")));
        assertTrue(e.getMessage().contains("fourd.nii.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("2 volumes"), e.getMessage());
        assertTrue(e.getMessage().contains("use --volume N"), e.getMessage());
    }

    @Test
    void fourDimensionalVolumesAreReadByIndex() throws Exception {
        NiftiImage first = NiftiReader.read(NibabelReference.fixture("fourd.nii.gz"),
                ReadOptions.defaults().withVolumeIndex(0));
        NiftiImage second = NiftiReader.read(NibabelReference.fixture("fourd.nii.gz"),
                ReadOptions.defaults().withVolumeIndex(1));
        assertEquals(2, second.volumeCount());
        assertEquals(1, second.volumeIndex());
        assertArrayEquals(first.volume().shape(), second.volume().shape());
        assertTrue(first.volume().get(0) != second.volume().get(0), "two different volumes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiReader.read(NibabelReference.fixture("fourd.nii.gz"),
                        ReadOptions.defaults().withVolumeIndex(2)));
        assertTrue(e.getMessage().contains("out of range") && e.getMessage().contains("0..1"), e.getMessage());
    }

    @Test
    void nonFiniteVoxelsAreRefusedByDefaultWithTheirCount() {
        NonFiniteVoxelsException e = assertThrows(NonFiniteVoxelsException.class,
                () -> NiftiReader.read(NibabelReference.fixture("with_nan.nii")));
        assertEquals(3, e.count());
        assertTrue(e.getMessage().contains("with_nan.nii") && e.getMessage().contains("3 of 60 voxels are NaN"),
                e.getMessage());
    }

    @Test
    void nonFiniteVoxelsCanBeZeroed() throws Exception {
        NiftiImage image = NiftiReader.read(NibabelReference.fixture("with_nan.nii"),
                ReadOptions.defaults().withNonFinitePolicy(NonFinitePolicy.ZERO));
        assertEquals(3, image.nonFiniteCount());
        for (float f : image.volume().toArray()) {
            assertTrue(Float.isFinite(f));
        }
    }

    @Test
    void twoDimensionalImageGetsASingletonAxis() throws Exception {
        Volume v = NiftiReader.read(NibabelReference.fixture("twod.nii")).volume();
        assertArrayEquals(new int[] {5, 4, 1}, v.shape());
    }
}
