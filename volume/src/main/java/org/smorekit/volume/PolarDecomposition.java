package org.smorekit.volume;

/**
 * The orthogonal factor of the polar decomposition of a 3x3 matrix: the orthogonal matrix closest to it in the
 * Frobenius norm (what nibabel computes as {@code P @ Qs} from the SVD {@code M = P S Qs} in {@code set_qform} and
 * {@code io_orientation}). Computed by Newton's iteration {@code X <- (X + X^-T) / 2} (Higham 1986, "Computing the
 * polar decomposition with applications"), which converges quadratically for nonsingular matrices.
 */
public final class PolarDecomposition {
    private PolarDecomposition() {
    }

    /**
     * The closest orthogonal matrix to a nonsingular row-major 3x3 matrix (its determinant has the sign of the
     * input's).
     *
     * @throws IllegalArgumentException if the matrix is singular
     */
    public static double[] orthogonalFactor(double[] m3x3) {
        if (m3x3.length != 9) {
            throw new IllegalArgumentException("a 3x3 matrix needs 9 entries, got " + m3x3.length);
        }
        double[] x = m3x3.clone();
        for (int it = 0; it < 100; it++) {
            double[] invT = inverseTranspose(x);
            double change = 0;
            for (int i = 0; i < 9; i++) {
                double next = 0.5 * (x[i] + invT[i]);
                change = Math.max(change, Math.abs(next - x[i]));
                x[i] = next;
            }
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double[] inverseTranspose(double[] m) {
        double det = determinant(m);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("matrix is singular (det = " + det + "): no polar decomposition");
        }
        // inverse transpose = cofactor matrix / det
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, -(m[3] * m[8] - m[5] * m[6]) / det, (m[3] * m[7] - m[4] * m[6]) / det,
            -(m[1] * m[8] - m[2] * m[7]) / det, (m[0] * m[8] - m[2] * m[6]) / det, -(m[0] * m[7] - m[1] * m[6]) / det,
            (m[1] * m[5] - m[2] * m[4]) / det, -(m[0] * m[5] - m[2] * m[3]) / det, (m[0] * m[4] - m[1] * m[3]) / det
        };
    }
}
