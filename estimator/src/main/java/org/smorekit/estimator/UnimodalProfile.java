package org.smorekit.estimator;

/**
 * Maps a symmetric probability vector p (the generator's softmax, length K = 2h + 1, centre c = h) to a symmetric
 * profile that never increases away from its centre: with increments {@code q_j = p_{c+j}} (j = 0..h),
 * {@code m_i = sum_{j >= i} q_j} and {@code k_{c +- i} = m_i / Z}, {@code Z = m_0 + 2 sum_{i >= 1} m_i}.
 *
 * <p>A physical slice profile (the excitation profile convolved with the in-plane point spread) has one peak. The
 * softmax alone can also express two peaks, and the GAN finds them: on the simulated Colin27 (Gaussian FWHM 2 at scale
 * 2) all five runs ended with two spikes at +-3 or +-7 voxels and almost nothing at the centre, which the half-maximum
 * rule reads as FWHM 6.3-17 (docs/estimator.md). Here an impulse is q = (1, 0, ...), a rect of half-width w is all
 * increments at j = w, and a bell spreads them; every such profile stays expressible.
 */
final class UnimodalProfile {
    private UnimodalProfile() {
    }

    /** Writes k into {@code out} (length K) from p (length K, symmetric). */
    static void forward(double[] p, double[] out) {
        int len = p.length, c = len / 2;
        double tail = 0, z = 0;
        for (int i = c; i >= 0; i--) {
            tail += p[c + i];
            out[c + i] = tail;
            out[c - i] = tail;
            z += i == 0 ? tail : 2 * tail;
        }
        for (int q = 0; q < len; q++) {
            out[q] /= z;
        }
    }

    /**
     * dL/dp given dL/dk and the p of the forward. Only the centre and the right half of p are read by the forward, so
     * the left half gets no gradient.
     */
    static double[] backward(double[] p, double[] k, double[] dk) {
        int len = p.length, c = len / 2;
        // m_i = k_{c+i} * Z; Z = sum_i mult_i m_i.
        double tail = 0, z = 0;
        for (int i = c; i >= 0; i--) {
            tail += p[c + i];
            z += i == 0 ? tail : 2 * tail;
        }
        double gk = 0;
        for (int q = 0; q < len; q++) {
            gk += dk[q] * k[q];
        }
        double[] dp = new double[len];
        double running = 0;
        for (int j = 0; j <= c; j++) {
            double g = j == 0 ? dk[c] : dk[c + j] + dk[c - j];
            int mult = j == 0 ? 1 : 2;
            running += (g - gk * mult) / z;  // dL/dm_j, accumulated: dL/dq_j = sum_{i <= j} dL/dm_i
            dp[c + j] = running;
        }
        return dp;
    }
}
