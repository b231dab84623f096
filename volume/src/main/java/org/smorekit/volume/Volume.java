package org.smorekit.volume;

import java.util.Arrays;
import java.util.Optional;
import org.smorekit.volume.nifti.NiftiHeader;

/**
 * An immutable 3-D scalar image: float voxels on a grid, with the voxel-to-world {@link Affine}.
 *
 * <p>Memory order: x (axis 0) fastest, then y, then z, i.e. voxel {@code (x, y, z)} is at
 * {@code x + nx * (y + ny * z)}, the same order as the NIfTI file on disk. Voxel spacing is derived from the
 * affine (the column norms), so the two cannot disagree. The header a volume was read with is kept (optionally) so that
 * a writer can round-trip fields the model does not interpret.
 */
public final class Volume {
    private final int[] shape;
    private final float[] data;
    private final Affine affine;
    private final NiftiHeader header; // may be null

    private Volume(int[] shape, float[] data, Affine affine, NiftiHeader header) {
        checkShape(shape, data.length);
        this.shape = shape;
        this.data = data;
        this.affine = affine;
        this.header = header;
    }

    /** A volume over a copy of {@code data}. */
    public static Volume of(int[] shape, float[] data, Affine affine) {
        return new Volume(shape.clone(), data.clone(), affine, null);
    }

    /** A volume that takes ownership of {@code data} without copying: the caller must not modify it afterwards. */
    public static Volume wrap(int[] shape, float[] data, Affine affine) {
        return new Volume(shape.clone(), data, affine, null);
    }

    /** As {@link #wrap(int[], float[], Affine)}, remembering the header the data was read with. */
    public static Volume wrap(int[] shape, float[] data, Affine affine, NiftiHeader header) {
        return new Volume(shape.clone(), data, affine, header);
    }

    /** The same grid, header and affine with other voxels (taken without copying). */
    public Volume withData(float[] newData) {
        return new Volume(shape, newData, affine, header);
    }

    /** A new grid and affine, keeping the original header for fields the grid does not determine. */
    public Volume withGrid(int[] newShape, float[] newData, Affine newAffine) {
        return new Volume(newShape.clone(), newData, newAffine, header);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        Affine.checkAxis(axis);
        return shape[axis];
    }

    public int nx() {
        return shape[0];
    }

    public int ny() {
        return shape[1];
    }

    public int nz() {
        return shape[2];
    }

    public int size() {
        return data.length;
    }

    public Affine affine() {
        return affine;
    }

    /** Voxel spacing in mm along each axis (norms of the affine's columns). */
    public double[] spacingMm() {
        return affine.voxelSizesMm();
    }

    public Optional<NiftiHeader> header() {
        return Optional.ofNullable(header);
    }

    public int index(int x, int y, int z) {
        return x + shape[0] * (y + shape[1] * z);
    }

    public float get(int x, int y, int z) {
        return data[index(x, y, z)];
    }

    /** Voxel at a linear index in the memory order above. */
    public float get(int linearIndex) {
        return data[linearIndex];
    }

    /** A copy of all voxels in memory order. */
    public float[] toArray() {
        return data.clone();
    }

    /** Distance in the flat array between neighbours along {@code axis}. */
    public int stride(int axis) {
        Affine.checkAxis(axis);
        return axis == 0 ? 1 : axis == 1 ? shape[0] : shape[0] * shape[1];
    }

    /**
     * Copies the line of voxels along {@code axis} through the voxel whose other two coordinates are {@code (u, v)}
     * (in increasing axis order) into {@code dst[0 .. dim(axis))}.
     */
    public void copyLine(int axis, int u, int v, float[] dst) {
        int start = lineStart(axis, u, v);
        int step = stride(axis);
        for (int n = 0, p = start; n < shape[axis]; n++, p += step) {
            dst[n] = data[p];
        }
    }

    /** Linear index of the first voxel of the line along {@code axis} at other coordinates {@code (u, v)}. */
    public int lineStart(int axis, int u, int v) {
        return switch (axis) {
            case 0 -> index(0, u, v);
            case 1 -> index(u, 0, v);
            case 2 -> index(u, v, 0);
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }

    /**
     * The same image with its voxel axes permuted: new axis {@code a} is old axis {@code order[a]}. The affine is
     * permuted with it, so every voxel keeps its world position. {@code permuted(p).permuted(inverse(p))} is this.
     */
    public Volume permuted(int[] order) {
        Affine.checkPermutation(order);
        if (order[0] == 0 && order[1] == 1 && order[2] == 2) {
            return this;
        }
        int[] newShape = {shape[order[0]], shape[order[1]], shape[order[2]]};
        float[] out = new float[data.length];
        int s0 = stride(order[0]), s1 = stride(order[1]), s2 = stride(order[2]);
        int p = 0;
        for (int c = 0; c < newShape[2]; c++) {
            for (int b = 0; b < newShape[1]; b++) {
                int base = b * s1 + c * s2;
                for (int a = 0; a < newShape[0]; a++) {
                    out[p++] = data[base + a * s0];
                }
            }
        }
        return new Volume(newShape, out, affine.permuted(order), header);
    }

    /** The permutation that undoes {@code order}. */
    public static int[] inversePermutation(int[] order) {
        Affine.checkPermutation(order);
        int[] inv = new int[3];
        for (int a = 0; a < 3; a++) {
            inv[order[a]] = a;
        }
        return inv;
    }

    private static void checkShape(int[] shape, int length) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("a volume has 3 dimensions, got " + Arrays.toString(shape));
        }
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("dimensions must be >= 1, got " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " voxels, got " + length);
        }
    }

    @Override
    public String toString() {
        double[] s = spacingMm();
        return String.format("Volume[%dx%dx%d, spacing %.4gx%.4gx%.4g mm]", shape[0], shape[1], shape[2], s[0], s[1],
                s[2]);
    }
}
