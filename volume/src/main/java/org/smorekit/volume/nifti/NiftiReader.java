package org.smorekit.volume.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Reads NIfTI-1 and NIfTI-2 images into a float {@link Volume}, with nibabel's semantics.
 *
 * <p>Files: {@code .nii}, {@code .nii.gz}, and {@code .hdr/.img} pairs (either name may be given; each part may be
 * gzipped: {@code .hdr.gz}, {@code .img.gz}). Gzip is recognised by the {@code .gz} suffix (as nibabel does); a file
 * with another suffix is read as a single file, gzipped if it starts with the gzip magic bytes. Both byte orders.
 *
 * <p>Voxels: uint8, int8, int16, uint16, int32, uint32, int64, float32, float64, converted to float after applying
 * {@code value = scl_slope * raw + scl_inter} in double precision; a slope of 0 or a non-finite slope means no
 * scaling, and a valid slope with a non-finite intercept is an error (nibabel's {@code get_slope_inter}).
 *
 * <p>Geometry: the affine is nibabel's {@code get_best_affine}, see {@link NiftiTransforms}. Images with more than 3
 * dimensions are read one 3-D volume at a time ({@link ReadOptions#volumeIndex()}); trailing sizes of 1 do not count.
 * Images with fewer than 3 dimensions get singleton axes.
 *
 * <p>Errors: every problem with the file (missing, unreadable, truncated, not gzip, bad magic, unsupported datatype,
 * image too large for memory, NaN/Inf under {@link NonFinitePolicy#REFUSE}, ...) is a {@link NiftiFormatException}
 * whose one-line message starts with the file name. A volume index out of range is an IllegalArgumentException.
 */
public final class NiftiReader {
    private static final int GZIP_BUFFER_BYTES = 1 << 16;
    private static final int CHUNK_BYTES = 1 << 22;
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private NiftiReader() {
    }

    /** Reads a 3-D image with the default options (refuse NaN/Inf, refuse 4-D, memory limit half the max heap). */
    public static NiftiImage read(Path path) throws NiftiFormatException {
        return read(path, ReadOptions.defaults());
    }

    /** Reads one 3-D volume of a NIfTI file. */
    public static NiftiImage read(Path path, ReadOptions options) throws NiftiFormatException {
        NiftiFileSet files = NiftiFileSet.of(path);
        NiftiHeader header = readHeader(files);
        Plan plan = plan(files, header, options);
        Affine affine = affineOf(header, files.headerName());
        float[] voxels = new float[Math.toIntExact(plan.voxels)];
        readVoxels(files, header, plan, voxels);
        long nonFinite = countNonFinite(voxels);
        if (nonFinite > 0) {
            if (options.nonFinitePolicy() == NonFinitePolicy.REFUSE) {
                throw new NonFiniteVoxelsException(files.imageName() + ": " + nonFinite + " of " + voxels.length
                        + " voxels are NaN or infinite",
                        nonFinite);
            }
            replaceNonFinite(voxels);
        }
        int[] shape = {(int) plan.shape[0], (int) plan.shape[1], (int) plan.shape[2]};
        Volume volume = Volume.wrap(shape, voxels, affine, header);
        return new NiftiImage(volume, header, files.image(), plan.volumeIndex, plan.volumeCount, nonFinite);
    }

    /**
     * Reads only the header (of the .hdr for a pair); cheap, for {@code info}. The header's affine is checked, so
     * {@link NiftiTransforms#bestAffine} of the result does not throw. Voxel-level problems (datatype, size,
     * truncation) are only found by {@link #read}.
     */
    public static NiftiHeader readHeader(Path path) throws NiftiFormatException {
        NiftiFileSet files = NiftiFileSet.of(path);
        NiftiHeader header = readHeader(files);
        affineOf(header, files.headerName());
        return header;
    }

    /**
     * Finds, without decoding the voxels, what {@link #read} would refuse about them: an unsupported datatype, a 3-D
     * volume too large for {@code options}' memory limit, or a file shorter than the header promises for all its
     * volumes. An uncompressed image's length is its file size; a gzipped one's is only known by decompressing it, so
     * a gzipped image is decompressed (not decoded, not kept) up to the length the header promises: 0.03 s for the
     * 3.5 MB sample (7 MB of voxels), and a truncated or corrupt gzip stream is found there too. For {@code info}.
     *
     * @throws NiftiFormatException with the message {@link #read} would give (or a truncation message naming every
     *                              volume the header announces)
     */
    public static void checkVoxels(Path path, ReadOptions options) throws NiftiFormatException {
        NiftiFileSet files = NiftiFileSet.of(path);
        NiftiHeader header = readHeader(files);
        affineOf(header, files.headerName());
        Plan plan = plan(files, header, options.withVolumeIndex(0));
        long volumeBytes = plan.voxels * plan.type.bytesPerVoxel();
        long fileSize = files.imageGzipped()
                ? decompressedLength(files, plan.dataOffset + plan.volumeCount * volumeBytes)
                : sizeOf(files.image(), files.imageName());
        boolean fits = plan.volumeCount <= (fileSize - plan.dataOffset) / volumeBytes && plan.dataOffset <= fileSize;
        if (!fits) {
            throw new NiftiFormatException(files.imageName() + ": file is truncated: the header promises "
                    + plan.volumeCount + (plan.volumeCount == 1 ? " volume" : " volumes") + " of " + volumeBytes
                    + " bytes from byte " + plan.dataOffset + ", the file has " + fileSize + " bytes");
        }
    }

    /**
     * The decompressed length of a gzipped image, counted up to {@code limit} bytes (what the header promises) and no
     * further; less when the data ends before.
     *
     * @throws NiftiFormatException when the compressed data ends early or is corrupt
     */
    private static long decompressedLength(NiftiFileSet files, long limit) throws NiftiFormatException {
        String name = files.imageName();
        try (InputStream in = open(files.image(), true, name)) {
            return skip(in, limit);
        } catch (IOException e) {
            throw translate(e, name);
        }
    }

    /** The affine nibabel would give this header, with header problems reported against {@code fileName}. */
    static Affine affineOf(NiftiHeader header, String fileName) throws NiftiFormatException {
        try {
            return NiftiTransforms.bestAffine(header);
        } catch (IllegalArgumentException e) {
            throw new NiftiFormatException(fileName + ": bad orientation in header: " + e.getMessage(), e);
        }
    }

    private static NiftiHeader readHeader(NiftiFileSet files) throws NiftiFormatException {
        String name = files.headerName();
        if (sizeOf(files.header(), name) == 0) {
            throw new NiftiFormatException(name + ": file is empty (0 bytes)");
        }
        try (InputStream in = open(files.header(), files.headerGzipped(), name)) {
            byte[] first = in.readNBytes(4);
            if (first.length < 4) {
                throw new NiftiFormatException(name + ": file is too short to be NIfTI (" + first.length + " bytes)");
            }
            int size = NiftiHeaderCodec.announcedHeaderBytes(first);
            if (size < 0) {
                boolean gzipMagic = (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b;
                throw new NiftiFormatException(name + ": not a NIfTI file (sizeof_hdr is neither 348 nor 540 in"
                        + " either byte order)" + (gzipMagic ? "; it looks gzip-compressed: name it .nii.gz" : ""));
            }
            byte[] all = new byte[size];
            System.arraycopy(first, 0, all, 0, 4);
            int n = in.readNBytes(all, 4, size - 4);
            if (n < size - 4) {
                throw new NiftiFormatException(name + ": truncated header (" + (n + 4) + " of " + size + " bytes)");
            }
            return NiftiHeaderCodec.decode(all, name);
        } catch (NiftiFormatException e) {
            throw e;
        } catch (IOException e) {
            throw translate(e, name);
        }
    }

    /** What to read: checked geometry, byte counts and offsets. */
    private record Plan(long[] shape, long voxels, NiftiDataType type, long dataOffset, long offset,
                        int volumeIndex, long volumeCount) {
    }

    /**
     * Where the voxels start: vox_offset, except that a single file with vox_offset 0 ("unset") has its data right
     * after the header and the 4 extension bytes (352 for NIfTI-1, 544 for NIfTI-2). nibabel 5 would read such a
     * file from byte 0 (the header bytes as voxels); we take the only sensible reading instead. A single file whose
     * vox_offset lies inside the header is refused (nibabel raises too).
     */
    private static long dataOffset(NiftiFileSet files, NiftiHeader h) throws NiftiFormatException {
        if (files.pair()) {
            if (h.voxOffset() < 0) {
                throw new NiftiFormatException(files.headerName() + ": vox_offset " + h.voxOffset()
                        + " is negative");
            }
            return h.voxOffset();
        }
        long minimum = h.headerBytes() + 4L;
        if (h.voxOffset() == 0) {
            return minimum;
        }
        if (h.voxOffset() < minimum) {
            throw new NiftiFormatException(files.headerName() + ": vox_offset " + h.voxOffset()
                    + " is too small for a single file (the header and extension flag take " + minimum + " bytes)");
        }
        return h.voxOffset();
    }

    private static Plan plan(NiftiFileSet files, NiftiHeader h, ReadOptions options) throws NiftiFormatException {
        String name = files.headerName();
        int ndim = h.ndim();
        if (ndim < 1 || ndim > 7) {
            throw new NiftiFormatException(name + ": dim[0] (number of dimensions) must be 1..7, got " + ndim);
        }
        for (int i = 1; i <= ndim; i++) {
            if (h.dim(i) < 1) {
                throw new NiftiFormatException(name + ": dim[" + i + "] is " + h.dim(i) + ", must be >= 1");
            }
        }
        NiftiDataType type = h.dataType().orElse(null);
        if (type == null || !type.isSupported()) {
            throw new NiftiFormatException(name + ": unsupported datatype " + h.dataTypeName()
                    + "; supported: uint8, int8, int16, uint16, int32, uint32, int64, float32, float64");
        }
        if (h.hasScaling() && !Double.isFinite(h.sclInter())) {
            throw new NiftiFormatException(name + ": valid scl_slope " + h.sclSlope() + " but invalid scl_inter "
                    + h.sclInter());
        }
        long[] shape = h.spatialShape();
        long voxels = 1;
        for (long s : shape) {
            voxels = s > Long.MAX_VALUE / voxels ? Long.MAX_VALUE : voxels * s;
        }
        long floatBytes = voxels > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : voxels * 4;
        String size = shape[0] + "x" + shape[1] + "x" + shape[2];
        if (floatBytes > options.maxVoxelBytes()) {
            throw new NiftiFormatException(String.format(Locale.ROOT,
                    "%s: a %s volume needs %.2f GiB as float32, more than the limit of %.2f GiB (half the maximum"
                    + " heap unless set otherwise; raise it with -Xmx)", name, size, floatBytes / GIB,
                    options.maxVoxelBytes() / GIB));
        }
        if (voxels > Integer.MAX_VALUE - 8) {
            throw new NiftiFormatException(name + ": a " + size + " volume has " + voxels
                    + " voxels, more than a Java array holds (2^31 - 9)");
        }
        long volumeCount = h.volumeCount();
        int index;
        if (options.volumeIndex().isPresent()) {
            index = options.volumeIndex().getAsInt();
            if (index >= volumeCount) {
                throw new IllegalArgumentException("volume index " + index + " is out of range: " + name + " has "
                        + volumeCount + (volumeCount == 1 ? " volume (index 0)" : " volumes (0.." + (volumeCount - 1)
                        + ")"));
            }
        } else if (volumeCount > 1) {
            throw new NiftiFormatException(name + " is " + ndim + "-D with " + volumeCount + " volumes of " + size
                    + "; use --volume N to pick one (0.." + (volumeCount - 1) + ")");
        } else {
            index = 0;
        }
        long dataOffset = dataOffset(files, h);
        long volumeBytes = voxels * type.bytesPerVoxel();
        return new Plan(shape, voxels, type, dataOffset, dataOffset + index * volumeBytes, index, volumeCount);
    }

    private static void readVoxels(NiftiFileSet files, NiftiHeader h, Plan plan, float[] out)
            throws NiftiFormatException {
        String name = files.imageName();
        long dataBytes = plan.voxels * plan.type.bytesPerVoxel();
        if (!files.imageGzipped()) {
            long fileSize = sizeOf(files.image(), name);
            if (plan.dataOffset > fileSize) {
                throw new NiftiFormatException(name + ": vox_offset " + plan.dataOffset
                        + " is beyond the end of the file (" + fileSize + " bytes)");
            }
            if (plan.offset + dataBytes > fileSize) {
                throw new NiftiFormatException(name + ": file is truncated: the header promises "
                        + (plan.offset + dataBytes) + " bytes up to the end of volume " + plan.volumeIndex
                        + ", the file has " + fileSize);
            }
        }
        try (InputStream in = open(files.image(), files.imageGzipped(), name)) {
            long skipped = skip(in, plan.offset);
            if (skipped < plan.offset) {
                if (skipped < plan.dataOffset) {
                    throw new NiftiFormatException(name + ": vox_offset " + plan.dataOffset
                            + " is beyond the end of the (uncompressed) data (" + skipped + " bytes)");
                }
                throw truncated(name, plan, skipped, dataBytes);
            }
            VoxelDecoder decoder = new VoxelDecoder(plan.type, h.byteOrder(), h.hasScaling(), h.sclSlope(),
                    h.sclInter());
            int bpv = plan.type.bytesPerVoxel();
            byte[] chunk = new byte[(int) Math.min(dataBytes, (CHUNK_BYTES / bpv) * bpv)];
            long done = 0;
            int voxelPos = 0;
            while (done < dataBytes) {
                int want = (int) Math.min(chunk.length, dataBytes - done);
                int got = in.readNBytes(chunk, 0, want);
                if (got < want) {
                    throw truncated(name, plan, plan.offset + done + got, dataBytes);
                }
                decoder.decode(chunk, want / bpv, out, voxelPos);
                voxelPos += want / bpv;
                done += want;
            }
        } catch (NiftiFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new NiftiFormatException(name + ": file is truncated: the compressed data ends early ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw translate(e, name);
        }
    }

    private static NiftiFormatException truncated(String name, Plan plan, long have, long dataBytes) {
        return new NiftiFormatException(name + ": file is truncated: the header promises " + (plan.offset + dataBytes)
                + " bytes (uncompressed) up to the end of volume " + plan.volumeIndex + ", the data ends after "
                + have);
    }

    private static long skip(InputStream in, long n) throws IOException {
        long done = 0;
        byte[] sink = null;
        while (done < n) {
            long s = in.skip(n - done);
            if (s <= 0) {
                if (sink == null) {
                    sink = new byte[8192];
                }
                int r = in.read(sink, 0, (int) Math.min(sink.length, n - done));
                if (r < 0) {
                    break;
                }
                s = r;
            }
            done += s;
        }
        return done;
    }

    private static long sizeOf(Path p, String name) throws NiftiFormatException {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw translate(e, name);
        }
    }

    private static InputStream open(Path p, boolean gzipped, String name) throws IOException {
        InputStream raw = Files.newInputStream(p);
        try {
            if (gzipped) {
                return new GZIPInputStream(raw, GZIP_BUFFER_BYTES);
            }
            return new BufferedInputStream(raw, GZIP_BUFFER_BYTES);
        } catch (IOException e) {
            raw.close();
            if (e instanceof ZipException || e instanceof EOFException) {
                throw new NiftiFormatException(name + ": not a valid gzip file (" + e.getMessage() + ")"
                        + (looksUncompressed(p) ? "; it looks like an uncompressed NIfTI header: name it without .gz"
                        : ""), e);
            }
            throw e;
        }
    }

    /** Whether the file starts as an uncompressed NIfTI-1 or -2 header does (sizeof_hdr 348 or 540, either order). */
    private static boolean looksUncompressed(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && NiftiHeaderCodec.announcedHeaderBytes(b) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static NiftiFormatException translate(IOException e, String name) {
        if (e instanceof NiftiFormatException nfe) {
            return nfe;
        }
        if (e instanceof NoSuchFileException) {
            return new NiftiFormatException(name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new NiftiFormatException(name + ": permission denied", e);
        }
        if (e instanceof ZipException) {
            return new NiftiFormatException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException) {
            return new NiftiFormatException(name + ": file is truncated: the compressed data ends early ("
                    + e.getMessage() + ")", e);
        }
        return new NiftiFormatException(name + ": cannot read (" + e + ")", e);
    }

    private static long countNonFinite(float[] v) {
        long n = 0;
        for (float f : v) {
            if (!Float.isFinite(f)) {
                n++;
            }
        }
        return n;
    }

    private static void replaceNonFinite(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                v[i] = 0f;
            }
        }
    }

    /**
     * Converts raw bytes of one datatype to float voxels, with bulk byte-order conversion through typed buffers and
     * one monomorphic loop per type.
     */
    private static final class VoxelDecoder {
        private final NiftiDataType type;
        private final ByteOrder order;
        private final boolean scaled;
        private final double slope;
        private final double inter;
        private short[] shorts;
        private int[] ints;
        private long[] longs;
        private float[] floats;
        private double[] doubles;

        VoxelDecoder(NiftiDataType type, ByteOrder order, boolean scaled, double slope, double inter) {
            this.type = type;
            this.order = order;
            this.scaled = scaled;
            this.slope = slope;
            this.inter = inter;
        }

        void decode(byte[] chunk, int n, float[] out, int pos) {
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, n * type.bytesPerVoxel()).order(order);
            switch (type) {
                case UINT8 -> {
                    if (scaled) {
                        for (int i = 0; i < n; i++) {
                            out[pos + i] = (float) (slope * (chunk[i] & 0xff) + inter);
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            out[pos + i] = chunk[i] & 0xff;
                        }
                    }
                }
                case INT8 -> {
                    for (int i = 0; i < n; i++) {
                        out[pos + i] = scaled ? (float) (slope * chunk[i] + inter) : chunk[i];
                    }
                }
                case INT16, UINT16 -> {
                    short[] s = shorts(n);
                    b.asShortBuffer().get(s, 0, n);
                    boolean unsigned = type == NiftiDataType.UINT16;
                    for (int i = 0; i < n; i++) {
                        int v = unsigned ? s[i] & 0xffff : s[i];
                        out[pos + i] = scaled ? (float) (slope * v + inter) : v;
                    }
                }
                case INT32, UINT32 -> {
                    int[] s = ints(n);
                    b.asIntBuffer().get(s, 0, n);
                    boolean unsigned = type == NiftiDataType.UINT32;
                    for (int i = 0; i < n; i++) {
                        double v = unsigned ? s[i] & 0xffffffffL : s[i];
                        out[pos + i] = (float) (scaled ? slope * v + inter : v);
                    }
                }
                case INT64 -> {
                    long[] s = longs(n);
                    b.asLongBuffer().get(s, 0, n);
                    for (int i = 0; i < n; i++) {
                        double v = s[i];
                        out[pos + i] = (float) (scaled ? slope * v + inter : v);
                    }
                }
                case FLOAT32 -> {
                    if (scaled) {
                        float[] s = floats(n);
                        b.asFloatBuffer().get(s, 0, n);
                        for (int i = 0; i < n; i++) {
                            out[pos + i] = (float) (slope * s[i] + inter);
                        }
                    } else {
                        b.asFloatBuffer().get(out, pos, n);
                    }
                }
                case FLOAT64 -> {
                    double[] s = doubles(n);
                    b.asDoubleBuffer().get(s, 0, n);
                    for (int i = 0; i < n; i++) {
                        out[pos + i] = (float) (scaled ? slope * s[i] + inter : s[i]);
                    }
                }
                default -> throw new IllegalStateException("unsupported datatype " + type);
            }
        }

        private short[] shorts(int n) {
            if (shorts == null || shorts.length < n) {
                shorts = new short[n];
            }
            return shorts;
        }

        private int[] ints(int n) {
            if (ints == null || ints.length < n) {
                ints = new int[n];
            }
            return ints;
        }

        private long[] longs(int n) {
            if (longs == null || longs.length < n) {
                longs = new long[n];
            }
            return longs;
        }

        private float[] floats(int n) {
            if (floats == null || floats.length < n) {
                floats = new float[n];
            }
            return floats;
        }

        private double[] doubles(int n) {
            if (doubles == null || doubles.length < n) {
                doubles = new double[n];
            }
            return doubles;
        }
    }
}
