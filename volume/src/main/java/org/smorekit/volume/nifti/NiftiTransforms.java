package org.smorekit.volume.nifti;

import java.util.stream.IntStream;

import org.smorekit.volume.Affine;
import org.smorekit.volume.PolarDecomposition;

/**
 * The voxel-to-world affine of a NIfTI header, computed exactly as nibabel 5 does ({@code nifti1.py}
 * {@code get_best_affine}, {@code get_qform}, {@code get_sform}, {@code analyze.py get_base_affine}), and the
 * inverse direction used by the writer ({@code set_qform}).
 *
 * <p>nibabel checks and fixes a header when loading it, before computing any affine; this class applies the same
 * fixes to the values it uses (never to the stored header): pixdim[1..3] of 0 become 1, negative ones their absolute
 * value; a qfac (pixdim[0]) other than -1 or 1 becomes 1; a qform/sform code outside 0..5 becomes 0.
 *
 * <p>Choice of transform ({@link #bestAffine}): the sform if its code is not 0, else the qform if its code is not 0,
 * else nibabel's "base affine" from the shape and pixdim: {@code diag(-px, py, pz)} with the origin at the centre of
 * the image, i.e. column j is pixdim[j+1] times e_j (x negated: nibabel assumes radiological storage) and the
 * translation is {@code -((n_j - 1) / 2) * zoom_j} per axis (for images with fewer than 3 dimensions the missing
 * sizes and zooms are 1).
 */
public final class NiftiTransforms {
    private NiftiTransforms() {
    }

    /** nibabel's {@code get_best_affine}: sform (code != 0), else qform (code != 0), else the base affine. */
    public static Affine bestAffine(NiftiHeader h) {
        if (effectiveCode(h.sformCode()) != 0) {
            return sformAffine(h);
        }
        if (effectiveCode(h.qformCode()) != 0) {
            return qformAffine(h);
        }
        return baseAffine(h);
    }

    /** The sform code nibabel uses (invalid codes read as 0). */
    public static int effectiveSformCode(NiftiHeader h) {
        return effectiveCode(h.sformCode());
    }

    /** The qform code nibabel uses (invalid codes read as 0). */
    public static int effectiveQformCode(NiftiHeader h) {
        return effectiveCode(h.qformCode());
    }

    /** The affine whose rows are srow_x, srow_y, srow_z. */
    public static Affine sformAffine(NiftiHeader h) {
        return Affine.fromRows(h.srowX(), h.srowY(), h.srowZ());
    }

    /**
     * The qform affine: {@code R * diag(px, py, qfac * pz)} plus (qoffset_x, y, z), where R is the rotation of the unit
     * quaternion (a, b, c, d) with {@code a = sqrt(1 - b^2 - c^2 - d^2)}. When {@code b^2 + c^2 + d^2} exceeds 1 by
     * less than 3 machine epsilons of the header's float type (float32 for NIfTI-1, float64 for NIfTI-2), a is 0 (a
     * 180 degree rotation) as in nibabel's {@code fillpositive}; a larger excess raises IllegalArgumentException
     * (the reader reports it as a {@link NiftiFormatException}).
     */
    public static Affine qformAffine(NiftiHeader h) {
        double b = h.quaternB(), c = h.quaternC(), d = h.quaternD();
        double w2 = 1.0 - (b * b + c * c + d * d);
        double a;
        if (w2 < 0) {
            double eps = h.version() == 1 ? Math.ulp(1.0f) : Math.ulp(1.0);
            if (w2 < -3 * eps) {
                throw new IllegalArgumentException("qform quaternion (b, c, d) = (" + b + ", " + c + ", " + d
                        + ") has norm > 1 (1 - b^2 - c^2 - d^2 = " + w2 + ")");
            }
            a = 0;
        } else {
            a = Math.sqrt(w2);
        }
        double[] r = quaternionToRotation(a, b, c, d);
        double[] zooms = fixedZooms(h);
        double qfac = fixedQfac(h);
        double[] s = {zooms[0], zooms[1], zooms[2] * qfac};
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 4 + col] = r[row * 3 + col] * s[col];
            }
        }
        m[3] = h.qoffsetX();
        m[7] = h.qoffsetY();
        m[11] = h.qoffsetZ();
        m[15] = 1;
        return Affine.of(m);
    }

    /** nibabel's base affine (see the class comment): centred, x flipped, from dim and the fixed pixdim. */
    public static Affine baseAffine(NiftiHeader h) {
        long[] shape = h.spatialShape();
        double[] zooms = fixedZooms(h);
        for (int i = h.ndim(); i < 3; i++) {
            zooms[i] = 1; // nibabel pads missing zooms with 1
        }
        zooms[0] = -zooms[0];
        double[] m = new double[16];
        for (int i = 0; i < 3; i++) {
            m[i * 4 + i] = zooms[i];
            m[i * 4 + 3] = -((shape[i] - 1) / 2.0) * zooms[i];
        }
        m[15] = 1;
        return Affine.of(m);
    }

    /** pixdim[1..3] with nibabel's load-time fixes (0 to 1, negative to absolute value). */
    public static double[] fixedZooms(NiftiHeader h) {
        double[] z = new double[3];
        for (int i = 0; i < 3; i++) {
            double p = Math.abs(h.pixdim(i + 1));
            z[i] = p == 0 ? 1 : p;
        }
        return z;
    }

    /**
     * The voxel axes (0..2, increasing) whose spacing the header does not give: no sform (effective code 0), so the
     * affine's voxel size along the axis comes from pixdim (the qform and the base affine both use it), and
     * pixdim[axis + 1] is 0, which {@link #fixedZooms} reads as 1 mm as nibabel does. Empty for a header with an sform
     * or with non-zero pixdim; a header whose three axes are all listed has no voxel spacing at all.
     */
    public static int[] axesWithoutSpacing(NiftiHeader h) {
        if (effectiveSformCode(h) != 0) {
            return new int[0];
        }
        return IntStream.range(0, 3).filter(axis -> h.pixdim(axis + 1) == 0).toArray();
    }

    /** pixdim[0] if it is -1 or 1, else 1 (nibabel's fix). */
    public static double fixedQfac(NiftiHeader h) {
        double q = h.pixdim(0);
        return q == -1 || q == 1 ? q : 1;
    }

    /** Rotation matrix (row-major 3x3) of the quaternion (w, x, y, z), normalised as in nibabel's quat2mat. */
    static double[] quaternionToRotation(double w, double x, double y, double z) {
        double n = w * w + x * x + y * y + z * z;
        if (n < Math.ulp(1.0)) {
            return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        double s = 2.0 / n;
        double xs = x * s, ys = y * s, zs = z * s;
        double wx = w * xs, wy = w * ys, wz = w * zs;
        double xx = x * xs, xy = x * ys, xz = x * zs;
        double yy = y * ys, yz = y * zs, zz = z * zs;
        return new double[] {
            1.0 - (yy + zz), xy - wz, xz + wy,
            xy + wz, 1.0 - (xx + zz), yz - wx,
            xz - wy, yz + wx, 1.0 - (xx + yy)
        };
    }

    /**
     * The qform parameters that represent {@code affine} as nibabel's {@code set_qform} computes them: zooms are
     * the column norms; qfac is -1 when the normalised 3x3 part has a negative determinant (its last column is then
     * negated); the nearest rotation (polar decomposition, which strips shears) is converted to a quaternion with
     * w >= 0.
     */
    public static Qform qformOf(Affine affine) {
        double[] zooms = affine.voxelSizesMm();
        for (int axis = 0; axis < 3; axis++) {
            if (zooms[axis] == 0) {
                throw new IllegalArgumentException("the affine's voxel size along axis " + axis
                        + " is 0, so it has no qform: " + affine);
            }
        }
        double[] r = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                r[row * 3 + col] = affine.get(row, col) / zooms[col];
            }
        }
        double qfac = 1;
        if (determinant(r) <= 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row * 3 + 2] = -r[row * 3 + 2];
            }
        }
        double[] q = rotationToQuaternion(PolarDecomposition.orthogonalFactor(r));
        return new Qform(qfac, zooms, q[1], q[2], q[3], affine.get(0, 3), affine.get(1, 3), affine.get(2, 3));
    }

    /**
     * The qform parameters of an affine.
     *
     * @param qfac      pixdim[0], 1 or -1
     * @param zoomsMm   pixdim[1..3]
     * @param quaternB  quaternion b (with a = sqrt(1 - b^2 - c^2 - d^2) >= 0)
     * @param quaternC  quaternion c
     * @param quaternD  quaternion d
     * @param qoffsetX  translation x (mm)
     * @param qoffsetY  translation y (mm)
     * @param qoffsetZ  translation z (mm)
     */
    public record Qform(double qfac, double[] zoomsMm, double quaternB, double quaternC, double quaternD,
                        double qoffsetX, double qoffsetY, double qoffsetZ) {
        public Qform {
            zoomsMm = zoomsMm.clone();
        }

        @Override
        public double[] zoomsMm() {
            return zoomsMm.clone();
        }
    }

    /** Unit quaternion (w, x, y, z), w >= 0, of a proper rotation matrix (row-major), by Shepperd's method. */
    static double[] rotationToQuaternion(double[] m) {
        double trace = m[0] + m[4] + m[8];
        double w, x, y, z;
        if (trace > m[0] && trace > m[4] && trace > m[8]) {
            double s = 2 * Math.sqrt(1 + trace);
            w = s / 4;
            x = (m[7] - m[5]) / s;
            y = (m[2] - m[6]) / s;
            z = (m[3] - m[1]) / s;
        } else if (m[0] >= m[4] && m[0] >= m[8]) {
            double s = 2 * Math.sqrt(Math.max(0, 1 + m[0] - m[4] - m[8]));
            w = (m[7] - m[5]) / s;
            x = s / 4;
            y = (m[1] + m[3]) / s;
            z = (m[2] + m[6]) / s;
        } else if (m[4] >= m[8]) {
            double s = 2 * Math.sqrt(Math.max(0, 1 + m[4] - m[0] - m[8]));
            w = (m[2] - m[6]) / s;
            x = (m[1] + m[3]) / s;
            y = s / 4;
            z = (m[5] + m[7]) / s;
        } else {
            double s = 2 * Math.sqrt(Math.max(0, 1 + m[8] - m[0] - m[4]));
            w = (m[3] - m[1]) / s;
            x = (m[2] + m[6]) / s;
            y = (m[5] + m[7]) / s;
            z = s / 4;
        }
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        double sign = w < 0 ? -1 : 1;
        return new double[] {sign * w / n, sign * x / n, sign * y / n, sign * z / n};
    }

    private static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static int effectiveCode(int code) {
        return code >= 0 && code <= 5 ? code : 0;
    }
}
