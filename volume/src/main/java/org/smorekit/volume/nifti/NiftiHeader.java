package org.smorekit.volume.nifti;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw fields of a NIfTI-1 or NIfTI-2 header, as stored in the file (NIfTI-1's float32/int16 fields widened to
 * double/long), kept so that a writer can round-trip what the volume model does not interpret (descriptions, units,
 * intent, qform/sform codes, ...). Field names follow nifti1.h / nifti2.h in camel case.
 *
 * <p>Immutable: the array components are copied on construction and on access. Build modified copies with
 * {@link #toBuilder()}. Interpretation (datatype, affine) lives in {@link NiftiDataType} and {@link NiftiTransforms}.
 *
 * @param version        1 or 2
 * @param byteOrder      byte order of the file the header was read from (the writer always writes little-endian)
 * @param magic          "n+1" / "n+2" (single file) or "ni1" / "ni2" (.hdr/.img pair)
 * @param dimInfo        dim_info: frequency, phase and slice encoding axes, 2 bits each
 * @param dim            8 entries: dim[0] = number of dimensions (1..7), dim[1..7] the sizes
 * @param intentP1       first intent parameter
 * @param intentP2       second intent parameter
 * @param intentP3       third intent parameter
 * @param intentCode     NIFTI_INTENT_* code (0 = none)
 * @param datatype       NIfTI datatype code, see {@link NiftiDataType}
 * @param bitpix         bits per voxel
 * @param sliceStart     first slice of the slice timing pattern
 * @param pixdim         8 entries: pixdim[0] = qfac (1 or -1), pixdim[1..3] voxel sizes (in xyzt_units, usually
 *                       mm), pixdim[4] time step
 * @param voxOffset      byte offset of the voxel data in the (image) file
 * @param sclSlope       scl_slope: voxel = sclSlope * raw + sclInter unless 0 or non-finite
 * @param sclInter       scl_inter
 * @param sliceEnd       last slice of the slice timing pattern
 * @param sliceCode      NIFTI_SLICE_* timing order code
 * @param xyztUnits      space (bits 0-2) and time (bits 3-5) unit codes
 * @param calMax         display range maximum (0 = unset)
 * @param calMin         display range minimum
 * @param sliceDuration  time to acquire one slice
 * @param toffset        time axis offset
 * @param descrip        free text, up to 80 bytes
 * @param auxFile        auxiliary file name, up to 24 bytes
 * @param qformCode      NIFTI_XFORM_* code of the qform (0 = unset)
 * @param sformCode      NIFTI_XFORM_* code of the sform (0 = unset)
 * @param quaternB       qform quaternion b
 * @param quaternC       qform quaternion c
 * @param quaternD       qform quaternion d
 * @param qoffsetX       qform translation x
 * @param qoffsetY       qform translation y
 * @param qoffsetZ       qform translation z
 * @param srowX          first row of the sform affine, 4 entries
 * @param srowY          second row of the sform affine, 4 entries
 * @param srowZ          third row of the sform affine, 4 entries
 * @param intentName     name of the intent, up to 16 bytes
 */
public record NiftiHeader(
        int version,
        ByteOrder byteOrder,
        String magic,
        int dimInfo,
        long[] dim,
        double intentP1,
        double intentP2,
        double intentP3,
        int intentCode,
        int datatype,
        int bitpix,
        long sliceStart,
        double[] pixdim,
        long voxOffset,
        double sclSlope,
        double sclInter,
        long sliceEnd,
        int sliceCode,
        int xyztUnits,
        double calMax,
        double calMin,
        double sliceDuration,
        double toffset,
        String descrip,
        String auxFile,
        int qformCode,
        int sformCode,
        double quaternB,
        double quaternC,
        double quaternD,
        double qoffsetX,
        double qoffsetY,
        double qoffsetZ,
        double[] srowX,
        double[] srowY,
        double[] srowZ,
        String intentName) {

    /** Header size in bytes of NIfTI-1 ({@code sizeof_hdr}). */
    public static final int NIFTI1_HEADER_BYTES = 348;
    /** Header size in bytes of NIfTI-2 ({@code sizeof_hdr}). */
    public static final int NIFTI2_HEADER_BYTES = 540;

    /** Checks lengths and copies the arrays. */
    public NiftiHeader {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("NIfTI version must be 1 or 2, got " + version);
        }
        Objects.requireNonNull(byteOrder, "byteOrder");
        magic = Objects.requireNonNull(magic, "magic");
        descrip = Objects.requireNonNull(descrip, "descrip");
        auxFile = Objects.requireNonNull(auxFile, "auxFile");
        intentName = Objects.requireNonNull(intentName, "intentName");
        dim = copyOf(dim, 8, "dim");
        pixdim = copyOf(pixdim, 8, "pixdim");
        srowX = copyOf(srowX, 4, "srowX");
        srowY = copyOf(srowY, 4, "srowY");
        srowZ = copyOf(srowZ, 4, "srowZ");
    }

    /** A copy of dim. */
    @Override
    public long[] dim() {
        return dim.clone();
    }

    /** A copy of pixdim. */
    @Override
    public double[] pixdim() {
        return pixdim.clone();
    }

    /** A copy of srowX. */
    @Override
    public double[] srowX() {
        return srowX.clone();
    }

    /** A copy of srowY. */
    @Override
    public double[] srowY() {
        return srowY.clone();
    }

    /** A copy of srowZ. */
    @Override
    public double[] srowZ() {
        return srowZ.clone();
    }

    /** {@code sizeof_hdr}: 348 for NIfTI-1, 540 for NIfTI-2. */
    public int headerBytes() {
        return version == 1 ? NIFTI1_HEADER_BYTES : NIFTI2_HEADER_BYTES;
    }

    /** dim[0]: the number of dimensions. */
    public int ndim() {
        return (int) dim[0];
    }

    /** dim[i] (0..7). */
    public long dim(int i) {
        return dim[i];
    }

    /** pixdim[i] (0..7). */
    public double pixdim(int i) {
        return pixdim[i];
    }

    /** The datatype, if the code is a known NIfTI code. */
    public Optional<NiftiDataType> dataType() {
        return NiftiDataType.fromCode(datatype);
    }

    /** The datatype's name, or "unknown (code N)". */
    public String dataTypeName() {
        return dataType().map(NiftiDataType::toString).orElse("unknown (code " + datatype + ")");
    }

    /** True when scl_slope is a valid scale factor (nibabel: not 0 and finite), so voxels are slope * raw + inter. */
    public boolean hasScaling() {
        return sclSlope != 0 && Double.isFinite(sclSlope);
    }

    /**
     * Number of 3-D volumes: the product of dim[4..dim[0]] (1 for 3-D and lower; Long.MAX_VALUE if it overflows).
     * Sizes beyond dim[0] are ignored as in nibabel.
     */
    public long volumeCount() {
        long n = 1;
        for (int i = 4; i <= Math.min(ndim(), 7); i++) {
            long d = Math.max(dim[i], 0);
            n = d != 0 && n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d; // saturate absurd headers
        }
        return n;
    }

    /** The first three sizes, with 1 for axes beyond dim[0] (a 2-D image is one slice thick). */
    public long[] spatialShape() {
        long[] s = new long[3];
        for (int i = 0; i < 3; i++) {
            s[i] = i + 1 <= ndim() ? dim[i + 1] : 1;
        }
        return s;
    }

    /** A builder starting from this header's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with nibabel's defaults for a new little-endian NIfTI-1 single file (float32, no transform). */
    public static Builder builder() {
        return new Builder();
    }

    private static long[] copyOf(long[] a, int n, String name) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " needs " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
        return a.clone();
    }

    private static double[] copyOf(double[] a, int n, String name) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " needs " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
        return a.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof NiftiHeader o)) {
            return false;
        }
        return version == o.version
                && byteOrder.equals(o.byteOrder)
                && magic.equals(o.magic)
                && dimInfo == o.dimInfo
                && Arrays.equals(dim, o.dim)
                && Double.compare(intentP1, o.intentP1) == 0
                && Double.compare(intentP2, o.intentP2) == 0
                && Double.compare(intentP3, o.intentP3) == 0
                && intentCode == o.intentCode
                && datatype == o.datatype
                && bitpix == o.bitpix
                && sliceStart == o.sliceStart
                && Arrays.equals(pixdim, o.pixdim)
                && voxOffset == o.voxOffset
                && Double.compare(sclSlope, o.sclSlope) == 0
                && Double.compare(sclInter, o.sclInter) == 0
                && sliceEnd == o.sliceEnd
                && sliceCode == o.sliceCode
                && xyztUnits == o.xyztUnits
                && Double.compare(calMax, o.calMax) == 0
                && Double.compare(calMin, o.calMin) == 0
                && Double.compare(sliceDuration, o.sliceDuration) == 0
                && Double.compare(toffset, o.toffset) == 0
                && descrip.equals(o.descrip)
                && auxFile.equals(o.auxFile)
                && qformCode == o.qformCode
                && sformCode == o.sformCode
                && Double.compare(quaternB, o.quaternB) == 0
                && Double.compare(quaternC, o.quaternC) == 0
                && Double.compare(quaternD, o.quaternD) == 0
                && Double.compare(qoffsetX, o.qoffsetX) == 0
                && Double.compare(qoffsetY, o.qoffsetY) == 0
                && Double.compare(qoffsetZ, o.qoffsetZ) == 0
                && Arrays.equals(srowX, o.srowX)
                && Arrays.equals(srowY, o.srowY)
                && Arrays.equals(srowZ, o.srowZ)
                && intentName.equals(o.intentName);
    }

    @Override
    public int hashCode() {
        int h = 1;
        h = 31 * h + Integer.hashCode(version);
        h = 31 * h + byteOrder.hashCode();
        h = 31 * h + magic.hashCode();
        h = 31 * h + Integer.hashCode(dimInfo);
        h = 31 * h + Arrays.hashCode(dim);
        h = 31 * h + Double.hashCode(intentP1);
        h = 31 * h + Double.hashCode(intentP2);
        h = 31 * h + Double.hashCode(intentP3);
        h = 31 * h + Integer.hashCode(intentCode);
        h = 31 * h + Integer.hashCode(datatype);
        h = 31 * h + Integer.hashCode(bitpix);
        h = 31 * h + Long.hashCode(sliceStart);
        h = 31 * h + Arrays.hashCode(pixdim);
        h = 31 * h + Long.hashCode(voxOffset);
        h = 31 * h + Double.hashCode(sclSlope);
        h = 31 * h + Double.hashCode(sclInter);
        h = 31 * h + Long.hashCode(sliceEnd);
        h = 31 * h + Integer.hashCode(sliceCode);
        h = 31 * h + Integer.hashCode(xyztUnits);
        h = 31 * h + Double.hashCode(calMax);
        h = 31 * h + Double.hashCode(calMin);
        h = 31 * h + Double.hashCode(sliceDuration);
        h = 31 * h + Double.hashCode(toffset);
        h = 31 * h + descrip.hashCode();
        h = 31 * h + auxFile.hashCode();
        h = 31 * h + Integer.hashCode(qformCode);
        h = 31 * h + Integer.hashCode(sformCode);
        h = 31 * h + Double.hashCode(quaternB);
        h = 31 * h + Double.hashCode(quaternC);
        h = 31 * h + Double.hashCode(quaternD);
        h = 31 * h + Double.hashCode(qoffsetX);
        h = 31 * h + Double.hashCode(qoffsetY);
        h = 31 * h + Double.hashCode(qoffsetZ);
        h = 31 * h + Arrays.hashCode(srowX);
        h = 31 * h + Arrays.hashCode(srowY);
        h = 31 * h + Arrays.hashCode(srowZ);
        h = 31 * h + intentName.hashCode();
        return h;
    }

    @Override
    public String toString() {
        return "NiftiHeader[" + "version=" + version
                + ", " + "byteOrder=" + byteOrder
                + ", " + "magic='" + magic + "'"
                + ", " + "dimInfo=" + dimInfo
                + ", " + "dim=" + Arrays.toString(dim)
                + ", " + "intentP1=" + intentP1
                + ", " + "intentP2=" + intentP2
                + ", " + "intentP3=" + intentP3
                + ", " + "intentCode=" + intentCode
                + ", " + "datatype=" + datatype
                + ", " + "bitpix=" + bitpix
                + ", " + "sliceStart=" + sliceStart
                + ", " + "pixdim=" + Arrays.toString(pixdim)
                + ", " + "voxOffset=" + voxOffset
                + ", " + "sclSlope=" + sclSlope
                + ", " + "sclInter=" + sclInter
                + ", " + "sliceEnd=" + sliceEnd
                + ", " + "sliceCode=" + sliceCode
                + ", " + "xyztUnits=" + xyztUnits
                + ", " + "calMax=" + calMax
                + ", " + "calMin=" + calMin
                + ", " + "sliceDuration=" + sliceDuration
                + ", " + "toffset=" + toffset
                + ", " + "descrip='" + descrip + "'"
                + ", " + "auxFile='" + auxFile + "'"
                + ", " + "qformCode=" + qformCode
                + ", " + "sformCode=" + sformCode
                + ", " + "quaternB=" + quaternB
                + ", " + "quaternC=" + quaternC
                + ", " + "quaternD=" + quaternD
                + ", " + "qoffsetX=" + qoffsetX
                + ", " + "qoffsetY=" + qoffsetY
                + ", " + "qoffsetZ=" + qoffsetZ
                + ", " + "srowX=" + Arrays.toString(srowX)
                + ", " + "srowY=" + Arrays.toString(srowY)
                + ", " + "srowZ=" + Arrays.toString(srowZ)
                + ", " + "intentName='" + intentName + "'" + "]";
    }

    /** Mutable builder for {@link NiftiHeader}; setters return the builder. */
    public static final class Builder {
        private int version;
        private ByteOrder byteOrder;
        private String magic;
        private int dimInfo;
        private long[] dim;
        private double intentP1;
        private double intentP2;
        private double intentP3;
        private int intentCode;
        private int datatype;
        private int bitpix;
        private long sliceStart;
        private double[] pixdim;
        private long voxOffset;
        private double sclSlope;
        private double sclInter;
        private long sliceEnd;
        private int sliceCode;
        private int xyztUnits;
        private double calMax;
        private double calMin;
        private double sliceDuration;
        private double toffset;
        private String descrip;
        private String auxFile;
        private int qformCode;
        private int sformCode;
        private double quaternB;
        private double quaternC;
        private double quaternD;
        private double qoffsetX;
        private double qoffsetY;
        private double qoffsetZ;
        private double[] srowX;
        private double[] srowY;
        private double[] srowZ;
        private String intentName;

        private Builder() {
            version = 1;
            byteOrder = ByteOrder.LITTLE_ENDIAN;
            magic = "n+1";
            dim = new long[] {3, 1, 1, 1, 1, 1, 1, 1};
            datatype = NiftiDataType.FLOAT32.code();
            bitpix = 32;
            pixdim = new double[] {1, 1, 1, 1, 1, 1, 1, 1};
            voxOffset = 352;
            sclSlope = Double.NaN;
            sclInter = Double.NaN;
            descrip = "";
            auxFile = "";
            intentName = "";
            srowX = new double[4];
            srowY = new double[4];
            srowZ = new double[4];
        }

        private Builder(NiftiHeader h) {
            version = h.version;
            byteOrder = h.byteOrder;
            magic = h.magic;
            dimInfo = h.dimInfo;
            dim = h.dim.clone();
            intentP1 = h.intentP1;
            intentP2 = h.intentP2;
            intentP3 = h.intentP3;
            intentCode = h.intentCode;
            datatype = h.datatype;
            bitpix = h.bitpix;
            sliceStart = h.sliceStart;
            pixdim = h.pixdim.clone();
            voxOffset = h.voxOffset;
            sclSlope = h.sclSlope;
            sclInter = h.sclInter;
            sliceEnd = h.sliceEnd;
            sliceCode = h.sliceCode;
            xyztUnits = h.xyztUnits;
            calMax = h.calMax;
            calMin = h.calMin;
            sliceDuration = h.sliceDuration;
            toffset = h.toffset;
            descrip = h.descrip;
            auxFile = h.auxFile;
            qformCode = h.qformCode;
            sformCode = h.sformCode;
            quaternB = h.quaternB;
            quaternC = h.quaternC;
            quaternD = h.quaternD;
            qoffsetX = h.qoffsetX;
            qoffsetY = h.qoffsetY;
            qoffsetZ = h.qoffsetZ;
            srowX = h.srowX.clone();
            srowY = h.srowY.clone();
            srowZ = h.srowZ.clone();
            intentName = h.intentName;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder byteOrder(ByteOrder byteOrder) {
            this.byteOrder = byteOrder;
            return this;
        }

        public Builder magic(String magic) {
            this.magic = magic;
            return this;
        }

        public Builder dimInfo(int dimInfo) {
            this.dimInfo = dimInfo;
            return this;
        }

        public Builder dim(long[] dim) {
            this.dim = dim.clone();
            return this;
        }

        public Builder intentP1(double intentP1) {
            this.intentP1 = intentP1;
            return this;
        }

        public Builder intentP2(double intentP2) {
            this.intentP2 = intentP2;
            return this;
        }

        public Builder intentP3(double intentP3) {
            this.intentP3 = intentP3;
            return this;
        }

        public Builder intentCode(int intentCode) {
            this.intentCode = intentCode;
            return this;
        }

        public Builder datatype(int datatype) {
            this.datatype = datatype;
            return this;
        }

        public Builder bitpix(int bitpix) {
            this.bitpix = bitpix;
            return this;
        }

        public Builder sliceStart(long sliceStart) {
            this.sliceStart = sliceStart;
            return this;
        }

        public Builder pixdim(double[] pixdim) {
            this.pixdim = pixdim.clone();
            return this;
        }

        public Builder voxOffset(long voxOffset) {
            this.voxOffset = voxOffset;
            return this;
        }

        public Builder sclSlope(double sclSlope) {
            this.sclSlope = sclSlope;
            return this;
        }

        public Builder sclInter(double sclInter) {
            this.sclInter = sclInter;
            return this;
        }

        public Builder sliceEnd(long sliceEnd) {
            this.sliceEnd = sliceEnd;
            return this;
        }

        public Builder sliceCode(int sliceCode) {
            this.sliceCode = sliceCode;
            return this;
        }

        public Builder xyztUnits(int xyztUnits) {
            this.xyztUnits = xyztUnits;
            return this;
        }

        public Builder calMax(double calMax) {
            this.calMax = calMax;
            return this;
        }

        public Builder calMin(double calMin) {
            this.calMin = calMin;
            return this;
        }

        public Builder sliceDuration(double sliceDuration) {
            this.sliceDuration = sliceDuration;
            return this;
        }

        public Builder toffset(double toffset) {
            this.toffset = toffset;
            return this;
        }

        public Builder descrip(String descrip) {
            this.descrip = descrip;
            return this;
        }

        public Builder auxFile(String auxFile) {
            this.auxFile = auxFile;
            return this;
        }

        public Builder qformCode(int qformCode) {
            this.qformCode = qformCode;
            return this;
        }

        public Builder sformCode(int sformCode) {
            this.sformCode = sformCode;
            return this;
        }

        public Builder quaternB(double quaternB) {
            this.quaternB = quaternB;
            return this;
        }

        public Builder quaternC(double quaternC) {
            this.quaternC = quaternC;
            return this;
        }

        public Builder quaternD(double quaternD) {
            this.quaternD = quaternD;
            return this;
        }

        public Builder qoffsetX(double qoffsetX) {
            this.qoffsetX = qoffsetX;
            return this;
        }

        public Builder qoffsetY(double qoffsetY) {
            this.qoffsetY = qoffsetY;
            return this;
        }

        public Builder qoffsetZ(double qoffsetZ) {
            this.qoffsetZ = qoffsetZ;
            return this;
        }

        public Builder srowX(double[] srowX) {
            this.srowX = srowX.clone();
            return this;
        }

        public Builder srowY(double[] srowY) {
            this.srowY = srowY.clone();
            return this;
        }

        public Builder srowZ(double[] srowZ) {
            this.srowZ = srowZ.clone();
            return this;
        }

        public Builder intentName(String intentName) {
            this.intentName = intentName;
            return this;
        }

        public NiftiHeader build() {
            return new NiftiHeader(version, byteOrder, magic, dimInfo, dim, intentP1, intentP2, intentP3, intentCode,
                    datatype, bitpix, sliceStart, pixdim, voxOffset, sclSlope, sclInter, sliceEnd, sliceCode,
                    xyztUnits, calMax, calMin, sliceDuration, toffset, descrip, auxFile, qformCode, sformCode,
                    quaternB, quaternC, quaternD, qoffsetX, qoffsetY, qoffsetZ, srowX, srowY, srowZ, intentName);
        }
    }
}
