package org.smorekit.metrics;

import java.util.Arrays;
import org.smorekit.volume.Volume;

/**
 * An immutable set of voxels on a 3-D grid: the region a metric is evaluated in.
 *
 * <p>Memory order as {@link Volume}: voxel {@code (x, y, z)} is at {@code x + nx * (y + ny * z)}.
 */
public final class Mask {
    private final int[] shape;
    private final boolean[] inside;
    private final long count;

    private Mask(int[] shape, boolean[] inside) {
        long n = (long) shape[0] * shape[1] * shape[2];
        if (n != inside.length) {
            throw new IllegalArgumentException("mask shape " + Arrays.toString(shape) + " needs " + n
                    + " voxels, got " + inside.length);
        }
        this.shape = shape;
        this.inside = inside;
        long c = 0;
        for (boolean b : inside) {
            if (b) {
                c++;
            }
        }
        this.count = c;
    }

    /** A mask over a copy of {@code inside}. */
    public static Mask of(int[] shape, boolean[] inside) {
        checkShape(shape);
        return new Mask(shape.clone(), inside.clone());
    }

    /** A mask that takes ownership of {@code inside} without copying: the caller must not modify it afterwards. */
    public static Mask wrap(int[] shape, boolean[] inside) {
        checkShape(shape);
        return new Mask(shape.clone(), inside);
    }

    /** Every voxel of the grid. */
    public static Mask full(int[] shape) {
        checkShape(shape);
        boolean[] all = new boolean[shape[0] * shape[1] * shape[2]];
        Arrays.fill(all, true);
        return new Mask(shape.clone(), all);
    }

    /** The voxels of a label volume (e.g. a mask read from NIfTI) whose value is not 0 (NaN counts as outside). */
    public static Mask nonZero(Volume labels) {
        boolean[] in = new boolean[labels.size()];
        for (int i = 0; i < in.length; i++) {
            float v = labels.get(i);
            in[i] = v != 0 && !Float.isNaN(v);
        }
        return new Mask(labels.shape(), in);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Number of voxels in the grid (inside or not). */
    public int size() {
        return inside.length;
    }

    /** Number of voxels inside the mask. */
    public long count() {
        return count;
    }

    /** Fraction of the grid inside the mask, in [0, 1]. */
    public double fraction() {
        return (double) count / inside.length;
    }

    public boolean contains(int linearIndex) {
        return inside[linearIndex];
    }

    public boolean contains(int x, int y, int z) {
        return inside[x + shape[0] * (y + shape[1] * z)];
    }

    /** A copy of the membership flags in memory order. */
    public boolean[] toArray() {
        return inside.clone();
    }

    /** Voxels inside both masks; the grids must have the same shape. */
    public Mask and(Mask other) {
        requireShape(other.shape, "other mask");
        boolean[] r = new boolean[inside.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = inside[i] && other.inside[i];
        }
        return new Mask(shape, r);
    }

    /** Whether this mask lies on a grid of the given shape. */
    public boolean hasShape(int[] otherShape) {
        return Arrays.equals(shape, otherShape);
    }

    /** Throws IllegalArgumentException naming {@code what} unless {@code otherShape} equals this mask's shape. */
    void requireShape(int[] otherShape, String what) {
        if (!hasShape(otherShape)) {
            throw new IllegalArgumentException("mask shape " + Arrays.toString(shape) + " differs from " + what
                    + " shape " + Arrays.toString(otherShape));
        }
    }

    private static void checkShape(int[] shape) {
        if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException("a mask has 3 dimensions >= 1, got " + Arrays.toString(shape));
        }
        if ((long) shape[0] * shape[1] * shape[2] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask of shape " + Arrays.toString(shape) + " is too large");
        }
    }

    @Override
    public String toString() {
        return String.format("Mask[%dx%dx%d, %d voxels inside (%.2f%%)]", shape[0], shape[1], shape[2], count,
                100 * fraction());
    }
}
