package org.smorekit.volume.nifti;

import java.util.Optional;

/**
 * NIfTI {@code datatype} codes (nifti1.h, shared by NIfTI-2): the code, its bits per voxel, and whether this toolkit
 * reads and writes it. Supported types are converted to {@code float} voxels on reading.
 */
public enum NiftiDataType {
    BINARY(1, 1, "binary (1 bit)", false),
    UINT8(2, 8, "uint8", true),
    INT16(4, 16, "int16", true),
    INT32(8, 32, "int32", true),
    FLOAT32(16, 32, "float32", true),
    COMPLEX64(32, 64, "complex64", false),
    FLOAT64(64, 64, "float64", true),
    RGB24(128, 24, "RGB24", false),
    INT8(256, 8, "int8", true),
    UINT16(512, 16, "uint16", true),
    UINT32(768, 32, "uint32", true),
    INT64(1024, 64, "int64", true),
    UINT64(1280, 64, "uint64", false),
    FLOAT128(1536, 128, "float128", false),
    COMPLEX128(1792, 128, "complex128", false),
    COMPLEX256(2048, 256, "complex256", false),
    RGBA32(2304, 32, "RGBA32", false);

    private final int code;
    private final int bitsPerVoxel;
    private final String displayName;
    private final boolean supported;

    NiftiDataType(int code, int bitsPerVoxel, String displayName, boolean supported) {
        this.code = code;
        this.bitsPerVoxel = bitsPerVoxel;
        this.displayName = displayName;
        this.supported = supported;
    }

    /** The header's {@code datatype} value. */
    public int code() {
        return code;
    }

    /** The header's {@code bitpix} value for this type. */
    public int bitsPerVoxel() {
        return bitsPerVoxel;
    }

    /** Bytes per voxel of the supported (whole-byte) types. */
    public int bytesPerVoxel() {
        return bitsPerVoxel / 8;
    }

    /** True for the types this toolkit reads and writes: (u)int8, (u)int16, (u)int32, int64, float32, float64. */
    public boolean isSupported() {
        return supported;
    }

    /** True for the integer types (values are rounded and clamped when written). */
    public boolean isInteger() {
        return this == UINT8 || this == INT8 || this == INT16 || this == UINT16 || this == INT32 || this == UINT32
                || this == INT64;
    }

    /** The smallest value an integer type holds (for floats, -Double.MAX_VALUE). */
    public double minValue() {
        return switch (this) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            default -> -Double.MAX_VALUE;
        };
    }

    /** The largest value an integer type holds (for floats, Float/Double.MAX_VALUE). */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT64 -> Long.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            default -> Double.MAX_VALUE;
        };
    }

    /** The type with this header code, if the code is one of nifti1.h's. */
    public static Optional<NiftiDataType> fromCode(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
