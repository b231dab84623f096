package org.smorekit.volume.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Binary layout of the NIfTI-1 (348 bytes, nifti1.h) and NIfTI-2 (540 bytes, nifti2.h) headers.
 *
 * <p>Version and byte order are detected as nibabel does: {@code sizeof_hdr} is 348 or 540, read in either byte
 * order; the byte order is the one in which dim[0] lies in 1..7 (nibabel's {@code guessed_endian}), falling back to
 * the one in which {@code sizeof_hdr} is valid.
 */
final class NiftiHeaderCodec {
    private NiftiHeaderCodec() {
    }

    /**
     * The header size announced by the first 4 bytes (348 or 540 in either byte order), or -1 if they announce
     * neither.
     */
    static int announcedHeaderBytes(byte[] first4) {
        int le = ByteBuffer.wrap(first4, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(first4, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        for (int size : new int[] {NiftiHeader.NIFTI1_HEADER_BYTES, NiftiHeader.NIFTI2_HEADER_BYTES}) {
            if (le == size || be == size) {
                return size;
            }
        }
        return -1;
    }

    /** Decodes a whole header ({@code bytes.length} is 348 or 540); {@code name} is used in error messages. */
    static NiftiHeader decode(byte[] bytes, String name) throws NiftiFormatException {
        int version = bytes.length == NiftiHeader.NIFTI1_HEADER_BYTES ? 1 : 2;
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        ByteOrder order;
        long dim0Le = version == 1 ? le.getShort(40) : le.getLong(16);
        long dim0Be = version == 1 ? be.getShort(40) : be.getLong(16);
        if (dim0Le >= 1 && dim0Le <= 7) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (dim0Be >= 1 && dim0Be <= 7) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            order = le.getInt(0) == bytes.length ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        ByteBuffer b = order == ByteOrder.LITTLE_ENDIAN ? le : be;
        return version == 1 ? decode1(b, name) : decode2(b, name);
    }

    private static NiftiHeader decode1(ByteBuffer b, String name) throws NiftiFormatException {
        String magic = string(b, 344, 4);
        if (!magic.equals("n+1") && !magic.equals("ni1")) {
            throw new NiftiFormatException(name + ": not a NIfTI-1 file (magic is '" + printable(magic)
                    + "', expected 'n+1' or 'ni1'; plain Analyze 7.5 is not supported)");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        return NiftiHeader.builder()
                .version(1).byteOrder(b.order()).magic(magic)
                .dimInfo(b.get(39) & 0xff)
                .dim(dim)
                .intentP1(b.getFloat(56)).intentP2(b.getFloat(60)).intentP3(b.getFloat(64))
                .intentCode(b.getShort(68))
                .datatype(b.getShort(70))
                .bitpix(b.getShort(72))
                .sliceStart(b.getShort(74))
                .pixdim(pixdim)
                .voxOffset((long) b.getFloat(108))
                .sclSlope(b.getFloat(112)).sclInter(b.getFloat(116))
                .sliceEnd(b.getShort(120))
                .sliceCode(b.get(122) & 0xff)
                .xyztUnits(b.get(123) & 0xff)
                .calMax(b.getFloat(124)).calMin(b.getFloat(128))
                .sliceDuration(b.getFloat(132)).toffset(b.getFloat(136))
                .descrip(string(b, 148, 80)).auxFile(string(b, 228, 24))
                .qformCode(b.getShort(252)).sformCode(b.getShort(254))
                .quaternB(b.getFloat(256)).quaternC(b.getFloat(260)).quaternD(b.getFloat(264))
                .qoffsetX(b.getFloat(268)).qoffsetY(b.getFloat(272)).qoffsetZ(b.getFloat(276))
                .srowX(floats(b, 280, 4)).srowY(floats(b, 296, 4)).srowZ(floats(b, 312, 4))
                .intentName(string(b, 328, 16))
                .build();
    }

    private static NiftiHeader decode2(ByteBuffer b, String name) throws NiftiFormatException {
        String magic = string(b, 4, 4);
        if (!magic.equals("n+2") && !magic.equals("ni2")) {
            throw new NiftiFormatException(name + ": not a NIfTI-2 file (magic is '" + printable(magic)
                    + "', expected 'n+2' or 'ni2')");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        return NiftiHeader.builder()
                .version(2).byteOrder(b.order()).magic(magic)
                .datatype(b.getShort(12))
                .bitpix(b.getShort(14))
                .dim(dim)
                .intentP1(b.getDouble(80)).intentP2(b.getDouble(88)).intentP3(b.getDouble(96))
                .pixdim(pixdim)
                .voxOffset(b.getLong(168))
                .sclSlope(b.getDouble(176)).sclInter(b.getDouble(184))
                .calMax(b.getDouble(192)).calMin(b.getDouble(200))
                .sliceDuration(b.getDouble(208)).toffset(b.getDouble(216))
                .sliceStart(b.getLong(224)).sliceEnd(b.getLong(232))
                .descrip(string(b, 240, 80)).auxFile(string(b, 320, 24))
                .qformCode(b.getInt(344)).sformCode(b.getInt(348))
                .quaternB(b.getDouble(352)).quaternC(b.getDouble(360)).quaternD(b.getDouble(368))
                .qoffsetX(b.getDouble(376)).qoffsetY(b.getDouble(384)).qoffsetZ(b.getDouble(392))
                .srowX(doubles(b, 400, 4)).srowY(doubles(b, 432, 4)).srowZ(doubles(b, 464, 4))
                .sliceCode(b.getInt(496))
                .xyztUnits(b.getInt(500))
                .intentCode(b.getInt(504))
                .intentName(string(b, 508, 16))
                .dimInfo(b.get(524) & 0xff)
                .build();
    }

    /**
     * Encodes a header as a little-endian NIfTI-1 single-file header (magic "n+1") followed by the 4 zero extension
     * bytes, 352 bytes in all. Values are narrowed to the NIfTI-1 field types; strings are truncated to their field.
     */
    static byte[] encodeNifti1Single(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiHeader.NIFTI1_HEADER_BYTES);
        b.put(39, (byte) h.dimInfo());
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, (short) h.dim(i));
            b.putFloat(76 + 4 * i, (float) h.pixdim(i));
        }
        b.putFloat(56, (float) h.intentP1());
        b.putFloat(60, (float) h.intentP2());
        b.putFloat(64, (float) h.intentP3());
        b.putShort(68, (short) h.intentCode());
        b.putShort(70, (short) h.datatype());
        b.putShort(72, (short) h.bitpix());
        b.putShort(74, (short) h.sliceStart());
        b.putFloat(108, (float) h.voxOffset());
        b.putFloat(112, (float) h.sclSlope());
        b.putFloat(116, (float) h.sclInter());
        b.putShort(120, (short) h.sliceEnd());
        b.put(122, (byte) h.sliceCode());
        b.put(123, (byte) h.xyztUnits());
        b.putFloat(124, (float) h.calMax());
        b.putFloat(128, (float) h.calMin());
        b.putFloat(132, (float) h.sliceDuration());
        b.putFloat(136, (float) h.toffset());
        putString(b, 148, 80, h.descrip());
        putString(b, 228, 24, h.auxFile());
        b.putShort(252, (short) h.qformCode());
        b.putShort(254, (short) h.sformCode());
        b.putFloat(256, (float) h.quaternB());
        b.putFloat(260, (float) h.quaternC());
        b.putFloat(264, (float) h.quaternD());
        b.putFloat(268, (float) h.qoffsetX());
        b.putFloat(272, (float) h.qoffsetY());
        b.putFloat(276, (float) h.qoffsetZ());
        double[][] rows = {h.srowX(), h.srowY(), h.srowZ()};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) rows[r][c]);
            }
        }
        putString(b, 328, 16, h.intentName());
        putString(b, 344, 4, "n+1");
        return b.array();
    }

    private static String string(ByteBuffer b, int offset, int length) {
        int n = 0;
        while (n < length && b.get(offset + n) != 0) {
            n++;
        }
        byte[] s = new byte[n];
        b.get(offset, s);
        return new String(s, StandardCharsets.ISO_8859_1);
    }

    private static void putString(ByteBuffer b, int offset, int length, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(offset, bytes, 0, Math.min(bytes.length, length));
    }

    private static double[] floats(ByteBuffer b, int offset, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = b.getFloat(offset + 4 * i);
        }
        return v;
    }

    private static double[] doubles(ByteBuffer b, int offset, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = b.getDouble(offset + 8 * i);
        }
        return v;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
