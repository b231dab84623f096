package org.smorekit.volume.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Writes a {@link Volume} as a little-endian NIfTI-1 single file: {@code .nii.gz} (gzip level 1, nibabel's default)
 * or {@code .nii}, chosen by the output name.
 *
 * <p>Voxel type: float32 unless asked otherwise ({@link #write(Volume, Path, NiftiDataType)}, e.g. with
 * {@link #originalDataType(Volume)}); integer types get values rounded to nearest (ties to even, as numpy) and
 * clamped to the type's range, NaN written as 0. scl_slope/scl_inter are always written as NaN ("no scaling", as
 * nibabel writes them).
 *
 * <p>Header ({@link #headerFor}): dims from the volume; pixdim[1..3] the affine's column norms, pixdim[0] the qfac;
 * the qform parameters from the affine as nibabel's {@code set_qform} (nearest rotation, shears stripped); the srow
 * rows are the affine. Codes: the volume's original sform and qform codes are kept (the volume's affine is taken to
 * be in the same space, which holds for resampling and permuting); a volume without a header, or whose header had
 * neither code, gets sform_code 2 (aligned) and qform_code 0, which is what nibabel's {@code Nifti1Image(data,
 * affine)} writes. (nibabel itself resets both codes to these defaults whenever the affine differs from the header's;
 * we keep them.) From the original header the writer keeps descrip, aux_file, intent (code, parameters, name),
 * xyzt_units, cal_min/cal_max and toffset; dim_info and the slice timing fields (slice_code, slice_start, slice_end,
 * slice_duration) only when the grid is unchanged (same shape and affine), since they describe the original axes.
 *
 * <p>Atomic: the file is written to a hidden temporary file in the same folder, then renamed over the target
 * (atomically where the file system allows). The writer does not know where a volume was read from: callers protect
 * their inputs with {@link OutputPaths#requireNotInput}.
 */
public final class NiftiWriter {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int CHUNK_VOXELS = 1 << 18;

    private NiftiWriter() {
    }

    /** Writes float32 voxels. */
    public static void write(Volume volume, Path path) throws IOException {
        write(volume, path, NiftiDataType.FLOAT32);
    }

    /** Writes with the given voxel type (one of the supported types). */
    public static void write(Volume volume, Path path, NiftiDataType type) throws IOException {
        if (volume == null || path == null || type == null) {
            throw new IllegalArgumentException("volume, path and type must not be null");
        }
        boolean gzip = compressionFor(path);
        NiftiHeader header = headerFor(volume, type);
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(path + ": cannot write, folder " + dir + " does not exist");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        // a process stopped mid-write (Ctrl-C, kill) skips the finally below but runs the JVM's exit hooks
        temp.toFile().deleteOnExit();
        try {
            try (OutputStream out = open(temp, gzip)) {
                out.write(NiftiHeaderCodec.encodeNifti1Single(header));
                writeVoxels(volume, type, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw OutputPaths.naming(path, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The datatype the volume was read with (float32 if it has no header or an unsupported one). */
    public static NiftiDataType originalDataType(Volume volume) {
        return volume.header().flatMap(NiftiHeader::dataType).filter(NiftiDataType::isSupported)
                .orElse(NiftiDataType.FLOAT32);
    }

    /** The NIfTI-1 header the writer stores for this volume and type (see the class comment for the rules). */
    public static NiftiHeader headerFor(Volume volume, NiftiDataType type) {
        if (!type.isSupported()) {
            throw new IllegalArgumentException("cannot write datatype " + type + "; supported: uint8, int8, int16,"
                    + " uint16, int32, uint32, int64, float32, float64");
        }
        int[] shape = volume.shape();
        for (int s : shape) {
            if (s > Short.MAX_VALUE) {
                throw new IllegalArgumentException("NIfTI-1 dimensions must be <= 32767, got " + shape[0] + "x"
                        + shape[1] + "x" + shape[2]);
            }
        }
        Affine affine = volume.affine();
        NiftiHeader original = volume.header().orElse(null);
        NiftiHeader.Builder b = NiftiHeader.builder();
        int sformCode = 2;
        int qformCode = 0;
        if (original != null) {
            int os = NiftiTransforms.effectiveSformCode(original);
            int oq = NiftiTransforms.effectiveQformCode(original);
            if (os != 0 || oq != 0) {
                sformCode = os;
                qformCode = oq;
            }
            b.descrip(original.descrip()).auxFile(original.auxFile())
                    .intentCode(original.intentCode()).intentP1(original.intentP1()).intentP2(original.intentP2())
                    .intentP3(original.intentP3()).intentName(original.intentName())
                    .xyztUnits(original.xyztUnits()).calMin(original.calMin()).calMax(original.calMax())
                    .toffset(original.toffset());
            if (sameGrid(volume, original)) {
                b.dimInfo(original.dimInfo()).sliceCode(original.sliceCode()).sliceStart(original.sliceStart())
                        .sliceEnd(original.sliceEnd()).sliceDuration(original.sliceDuration());
            }
        }
        NiftiTransforms.Qform q = NiftiTransforms.qformOf(affine);
        double[] zooms = q.zoomsMm();
        double[] m = affine.toArray();
        return b.version(1).byteOrder(ByteOrder.LITTLE_ENDIAN).magic("n+1")
                .dim(new long[] {3, shape[0], shape[1], shape[2], 1, 1, 1, 1})
                .pixdim(new double[] {q.qfac(), zooms[0], zooms[1], zooms[2], 1, 1, 1, 1})
                .datatype(type.code()).bitpix(type.bitsPerVoxel())
                .voxOffset(352).sclSlope(Double.NaN).sclInter(Double.NaN)
                .qformCode(qformCode).sformCode(sformCode)
                .quaternB(q.quaternB()).quaternC(q.quaternC()).quaternD(q.quaternD())
                .qoffsetX(q.qoffsetX()).qoffsetY(q.qoffsetY()).qoffsetZ(q.qoffsetZ())
                .srowX(new double[] {m[0], m[1], m[2], m[3]})
                .srowY(new double[] {m[4], m[5], m[6], m[7]})
                .srowZ(new double[] {m[8], m[9], m[10], m[11]})
                .build();
    }

    private static boolean sameGrid(Volume volume, NiftiHeader original) {
        long[] s = original.spatialShape();
        int[] shape = volume.shape();
        if (s[0] != shape[0] || s[1] != shape[1] || s[2] != shape[2]) {
            return false;
        }
        try {
            return NiftiTransforms.bestAffine(original).maxAbsDifference(volume.affine()) < 1e-6;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean compressionFor(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii.gz")) {
            return true;
        }
        if (name.endsWith(".nii")) {
            return false;
        }
        throw new IllegalArgumentException("output file name must end in .nii.gz or .nii, got " + path);
    }

    private static OutputStream open(Path temp, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (!gzip) {
            return new BufferedOutputStream(raw, BUFFER_BYTES);
        }
        return new GZIPOutputStream(raw, BUFFER_BYTES) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static void writeVoxels(Volume volume, NiftiDataType type, OutputStream out) throws IOException {
        int n = volume.size();
        int bpv = type.bytesPerVoxel();
        ByteBuffer buf = ByteBuffer.allocate(Math.min(n, CHUNK_VOXELS) * bpv).order(ByteOrder.LITTLE_ENDIAN);
        double lo = type.minValue();
        double hi = type.maxValue();
        for (int start = 0; start < n; start += CHUNK_VOXELS) {
            int end = Math.min(n, start + CHUNK_VOXELS);
            buf.clear();
            for (int i = start; i < end; i++) {
                float v = volume.get(i);
                switch (type) {
                    case FLOAT32 -> buf.putFloat(v);
                    case FLOAT64 -> buf.putDouble(v);
                    default -> {
                        double r = Float.isNaN(v) ? 0 : Math.min(hi, Math.max(lo, Math.rint(v)));
                        switch (type) {
                            case UINT8, INT8 -> buf.put((byte) (long) r);
                            case INT16, UINT16 -> buf.putShort((short) (long) r);
                            case INT32, UINT32 -> buf.putInt((int) (long) r);
                            case INT64 -> buf.putLong((long) r);
                            default -> throw new IllegalStateException("unsupported datatype " + type);
                        }
                    }
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
