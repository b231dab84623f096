package org.smorekit.volume;

import java.util.Arrays;

/**
 * An immutable 4x4 voxel-to-world transform (RAS+ millimetres, as in NIfTI and nibabel).
 *
 * <p>A voxel index {@code (i, j, k)} maps to world {@code (x, y, z) = M (i, j, k, 1)^T}, where {@code M} is stored
 * row-major. The last row is always {@code (0, 0, 0, 1)}.
 */
public final class Affine {
    private final double[] m; // 16, row-major

    private Affine(double[] m) {
        this.m = m;
    }

    /** Copies a 16-element row-major matrix; the last row must be (0, 0, 0, 1). */
    public static Affine of(double... rowMajor16) {
        if (rowMajor16.length != 16) {
            throw new IllegalArgumentException("an affine needs 16 values, got " + rowMajor16.length);
        }
        for (double v : rowMajor16) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine has a non-finite entry: " + Arrays.toString(rowMajor16));
            }
        }
        double[] c = rowMajor16.clone();
        c[12] = 0; c[13] = 0; c[14] = 0; c[15] = 1;
        if (rowMajor16[12] != 0 || rowMajor16[13] != 0 || rowMajor16[14] != 0 || rowMajor16[15] != 1) {
            throw new IllegalArgumentException("affine's last row must be (0, 0, 0, 1), got "
                    + Arrays.toString(Arrays.copyOfRange(rowMajor16, 12, 16)));
        }
        return new Affine(c);
    }

    /** Builds from the three 4-element rows (the NIfTI srow_x/y/z layout). */
    public static Affine fromRows(double[] rowX, double[] rowY, double[] rowZ) {
        double[] c = new double[16];
        System.arraycopy(rowX, 0, c, 0, 4);
        System.arraycopy(rowY, 0, c, 4, 4);
        System.arraycopy(rowZ, 0, c, 8, 4);
        c[15] = 1;
        return of(c);
    }

    public static Affine identity() {
        return new Affine(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    }

    /**
     * diag(sx, sy, sz, 1). (Not nibabel's fallback for a header with neither sform nor qform: that one flips x and
     * centres the origin, see {@code NiftiTransforms.baseAffine}.)
     */
    public static Affine scaling(double sx, double sy, double sz) {
        return new Affine(new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0, 0, 0, 0, 1});
    }

    public double get(int row, int col) {
        return m[row * 4 + col];
    }

    /** A copy of the row-major 16 values. */
    public double[] toArray() {
        return m.clone();
    }

    /** World coordinates (mm) of a (possibly fractional) voxel index. */
    public double[] apply(double i, double j, double k) {
        return new double[] {
            m[0] * i + m[1] * j + m[2] * k + m[3],
            m[4] * i + m[5] * j + m[6] * k + m[7],
            m[8] * i + m[9] * j + m[10] * k + m[11]
        };
    }

    /** this * other (apply {@code other} first). */
    public Affine multiply(Affine other) {
        double[] r = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += m[i * 4 + k] * other.m[k * 4 + j];
                }
                r[i * 4 + j] = s;
            }
        }
        r[12] = 0; r[13] = 0; r[14] = 0; r[15] = 1;
        return new Affine(r);
    }

    /** The inverse transform (world to voxel); throws if the 3x3 part is singular. */
    public Affine inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], i = m[10];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("affine is singular (det = " + det + ")");
        }
        double[] r = new double[16];
        r[0] = (e * i - f * h) / det; r[1] = (c * h - b * i) / det; r[2] = (b * f - c * e) / det;
        r[4] = (f * g - d * i) / det; r[5] = (a * i - c * g) / det; r[6] = (c * d - a * f) / det;
        r[8] = (d * h - e * g) / det; r[9] = (b * g - a * h) / det; r[10] = (a * e - b * d) / det;
        for (int row = 0; row < 3; row++) {
            r[row * 4 + 3] = -(r[row * 4] * m[3] + r[row * 4 + 1] * m[7] + r[row * 4 + 2] * m[11]);
        }
        r[15] = 1;
        return new Affine(r);
    }

    /** Voxel sizes in mm: the Euclidean norms of the first three columns (nibabel's {@code voxel_sizes}). */
    public double[] voxelSizesMm() {
        double[] s = new double[3];
        for (int col = 0; col < 3; col++) {
            s[col] = Math.sqrt(m[col] * m[col] + m[4 + col] * m[4 + col] + m[8 + col] * m[8 + col]);
        }
        return s;
    }

    /**
     * How oblique the grid is: the largest angle, in degrees, between a voxel axis and the scanner (world) axis
     * nearest to it; 0 for a grid aligned with the world axes up to flips and permutations. The per-axis angle is
     * {@code acos} of the largest absolute direction cosine of the axis's column (for each column what nibabel's
     * {@code obliquity} computes for each row). An axis of zero length (a degenerate affine) has no direction and
     * does not count.
     */
    public double obliquityDegrees() {
        double[] sizes = voxelSizesMm();
        double worst = 0;
        for (int col = 0; col < 3; col++) {
            if (!(sizes[col] > 0)) {
                continue;
            }
            double best = 0;
            for (int row = 0; row < 3; row++) {
                best = Math.max(best, Math.abs(m[row * 4 + col]) / sizes[col]);
            }
            worst = Math.max(worst, Math.toDegrees(Math.acos(Math.min(1, best))));
        }
        return worst;
    }

    /**
     * The affine of a grid whose voxel {@code n} along {@code axis} sits at voxel {@code offset + n * step} of this
     * grid: column {@code axis} is multiplied by {@code step} and the origin moves to voxel {@code offset}.
     * Resampling an axis by a scale s with the first sample kept in place is {@code resampledAxis(axis, 0, s)}.
     */
    public Affine resampledAxis(int axis, double offset, double step) {
        checkAxis(axis);
        double[] r = m.clone();
        for (int row = 0; row < 3; row++) {
            r[row * 4 + 3] += m[row * 4 + axis] * offset;
            r[row * 4 + axis] *= step;
        }
        return new Affine(r);
    }

    /**
     * The affine of the same data with its voxel axes permuted: new axis {@code a} is old axis {@code order[a]}.
     */
    public Affine permuted(int[] order) {
        checkPermutation(order);
        double[] r = m.clone();
        for (int row = 0; row < 3; row++) {
            for (int a = 0; a < 3; a++) {
                r[row * 4 + a] = m[row * 4 + order[a]];
            }
        }
        return new Affine(r);
    }

    /** Largest absolute difference between entries. */
    public double maxAbsDifference(Affine other) {
        double d = 0;
        for (int i = 0; i < 16; i++) {
            d = Math.max(d, Math.abs(m[i] - other.m[i]));
        }
        return d;
    }

    static void checkAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
    }

    static void checkPermutation(int[] order) {
        if (order.length != 3) {
            throw new IllegalArgumentException("a permutation of 3 axes needs 3 entries, got " + order.length);
        }
        boolean[] seen = new boolean[3];
        for (int a : order) {
            checkAxis(a);
            if (seen[a]) {
                throw new IllegalArgumentException("not a permutation: " + Arrays.toString(order));
            }
            seen[a] = true;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Affine[");
        for (int row = 0; row < 3; row++) {
            sb.append(row == 0 ? "" : "; ");
            for (int col = 0; col < 4; col++) {
                sb.append(col == 0 ? "" : " ").append(String.format("%.4g", m[row * 4 + col]));
            }
        }
        return sb.append(']').toString();
    }
}
