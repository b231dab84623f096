package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file gets a NiftiFormatException whose one-line message names the file and the reason. */
class NiftiBadInputTest {
    @TempDir
    Path dir;

    private static NiftiFormatException failure(Path file, ReadOptions options) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file, options));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static void assertReason(String fixture, String reason) {
        NiftiFormatException e = failure(NibabelReference.fixture(fixture), ReadOptions.defaults());
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
    }

    @Test
    void missingFile() {
        NiftiFormatException e = failure(dir.resolve("nothing-here.nii.gz"), ReadOptions.defaults());
        assertTrue(e.getMessage().endsWith("nothing-here.nii.gz: no such file"), e.getMessage());
    }

    @Test
    void truncatedFile() {
        assertReason("truncated.nii", "file is truncated: the header promises 472 bytes");
    }

    @Test
    void truncatedGzip() {
        assertReason("truncated.nii.gz", "truncated");
    }

    @Test
    void notGzip() {
        assertReason("not_gzip.nii.gz", "not a valid gzip file");
    }

    @Test
    void badMagic() {
        assertReason("bad_magic.nii", "not a NIfTI-1 file (magic is 'xyz'");
    }

    @Test
    void notNiftiAtAll() {
        assertReason("not_nifti.nii", "not a NIfTI file (sizeof_hdr is neither 348 nor 540");
    }

    /** The message for a copy of {@code fixture} under the name {@code name}. */
    private String misnamed(String fixture, String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(NibabelReference.fixture(fixture), copy);
        return failure(copy, ReadOptions.defaults()).getMessage();
    }

    @Test
    void gzipDataUnderAPlainName() throws Exception {
        String message = misnamed("uint8.nii.gz", "compressed.nii");
        assertTrue(message.contains("looks gzip-compressed: name it .nii.gz"), message);
    }

    @Test
    void plainDataUnderAGzipName() throws Exception {
        String message = misnamed("int16_scaled.nii", "plain.nii.gz");
        assertTrue(message.contains("not a valid gzip file"), message);
        assertTrue(message.endsWith("; it looks like an uncompressed NIfTI header: name it without .gz"), message);
    }

    @Test
    void headerWithoutItsImage() {
        assertReason("header_only.hdr", "header without its image: header_only.img is missing");
    }

    @Test
    void unsupportedDatatype() {
        assertReason("complex64.nii", "unsupported datatype complex64");
    }

    @Test
    void voxOffsetBeyondTheFile() {
        assertReason("offset_beyond.nii", "vox_offset 100000 is beyond the end of the file (472 bytes)");
    }

    /** A copy of the little-endian NIfTI-1 fixture int16_scaled.nii with some header bytes changed. */
    private Path patched(String name, java.util.function.Consumer<ByteBuffer> change) throws Exception {
        byte[] bytes = Files.readAllBytes(NibabelReference.fixture("int16_scaled.nii"));
        change.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void dimensionBelowOne() throws Exception {
        Path file = patched("zero_dim.nii", b -> b.putShort(44, (short) 0));
        NiftiFormatException e = failure(file, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("dim[2] is 0, must be >= 1"), e.getMessage());
    }

    @Test
    void validSlopeWithNonFiniteIntercept() throws Exception {
        Path file = patched("nan_inter.nii", b -> b.putFloat(116, Float.NaN));
        NiftiFormatException e = failure(file, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("valid scl_slope 0.5 but invalid scl_inter NaN"), e.getMessage());
    }

    @Test
    void voxOffsetInsideTheHeader() throws Exception {
        Path file = patched("low_offset.nii", b -> b.putFloat(108, 100f));
        NiftiFormatException e = failure(file, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("vox_offset 100 is too small for a single file"), e.getMessage());
    }

    @Test
    void quaternionWithNormAboveOne() throws Exception {
        Path file = patched("bad_quaternion.nii", b -> {
            b.putShort(254, (short) 0); // sform_code 0, so the qform is used
            b.putShort(252, (short) 1);
            b.putFloat(256, 0.9f);
            b.putFloat(260, 0.9f);
        });
        NiftiFormatException e = failure(file, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("bad orientation in header") && e.getMessage().contains("norm > 1"),
                e.getMessage());
    }

    @Test
    void dimensionsBeyondMemoryAreRefusedBeforeAllocating() {
        // 1000^3 float32 = 3.73 GiB: refused under any limit below that, here 1 GiB
        NiftiFormatException e = failure(NibabelReference.fixture("huge_dims.nii"),
                ReadOptions.defaults().withMaxVoxelBytes(1L << 30));
        assertTrue(e.getMessage().contains("1000x1000x1000 volume needs 3.73 GiB"), e.getMessage());
        assertTrue(e.getMessage().contains("limit of 1.00 GiB"), e.getMessage());
    }

    @Test
    void limitAppliesToSmallFilesToo() {
        NiftiFormatException e = failure(NibabelReference.fixture("uint8.nii.gz"),
                ReadOptions.defaults().withMaxVoxelBytes(100));
        assertTrue(e.getMessage().contains("5x4x3 volume needs"), e.getMessage());
    }

    @Test
    void emptyFilesSaySo() throws Exception {
        for (String name : new String[] {"empty.nii", "empty.nii.gz"}) {
            Path empty = Files.createFile(dir.resolve(name));
            NiftiFormatException e = failure(empty, ReadOptions.defaults());
            assertTrue(e.getMessage().endsWith(name + ": file is empty (0 bytes)"), e.getMessage());
        }
    }

    /** checkVoxels: what read would refuse about the voxels, found without decoding them. */
    private static NiftiFormatException voxelProblem(Path file, ReadOptions options) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.checkVoxels(file, options));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void voxelProblemsAreFoundWithoutReadingTheVoxels() {
        assertTrue(voxelProblem(NibabelReference.fixture("complex64.nii"), ReadOptions.defaults()).getMessage()
                .contains("unsupported datatype complex64"));
        assertTrue(voxelProblem(NibabelReference.fixture("huge_dims.nii"), ReadOptions.defaults()
                .withMaxVoxelBytes(1L << 30)).getMessage().contains("1000x1000x1000 volume needs 3.73 GiB"));
        String truncated = voxelProblem(NibabelReference.fixture("truncated.nii"), ReadOptions.defaults()).getMessage();
        assertTrue(truncated.contains("truncated.nii: file is truncated: the header promises 1 volume of"), truncated);
    }

    @Test
    void readableFilesPassTheVoxelCheck() throws Exception {
        NiftiReader.checkVoxels(NibabelReference.fixture("int16_scaled.nii"), ReadOptions.defaults());
        NiftiReader.checkVoxels(NibabelReference.fixture("pair.hdr"), ReadOptions.defaults());
        // a 4-D file needs no volume index for the check
        NiftiReader.checkVoxels(NibabelReference.fixture("fourd.nii.gz"), ReadOptions.defaults());
        NiftiReader.checkVoxels(NibabelReference.fixture("float32_le.nii.gz"), ReadOptions.defaults());
    }

    @Test
    void aGzipFileCutInsideItsVoxelsIsTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(NibabelReference.fixture("fourd.nii.gz"));
        Path cut = dir.resolve("cut.nii.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 20));
        NiftiFormatException e = voxelProblem(cut, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("cut.nii.gz: file is truncated"), e.getMessage());
    }

    @Test
    void aGzipFileWhoseDataIsShorterThanTheHeaderPromisesIsTruncated() throws Exception {
        // a complete gzip stream holding one volume of a file whose header announces more
        byte[] fourD;
        try (InputStream in = new GZIPInputStream(
                Files.newInputStream(NibabelReference.fixture("fourd.nii.gz")))) {
            fourD = in.readAllBytes();
        }
        Path short4d = dir.resolve("short.nii.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(short4d))) {
            out.write(fourD, 0, fourD.length - 1);
        }
        NiftiFormatException e = voxelProblem(short4d, ReadOptions.defaults());
        assertTrue(e.getMessage().contains("short.nii.gz: file is truncated: the header promises"), e.getMessage());
    }

    @Test
    void aGzipFileThatEndsInsideTheHeaderIsTruncated() {
        NiftiFormatException e = voxelProblem(NibabelReference.fixture("truncated.nii.gz"), ReadOptions.defaults());
        assertTrue(e.getMessage().contains("truncated.nii.gz: file is truncated"), e.getMessage());
    }
}
