package org.smorekit.estimator;

/**
 * Priors on the increments q of a {@link UnimodalProfile} (the generator's softmax values of the centre and the right
 * half, {@code q_j = p_{c+j}}, j = 0..h, with {@code q_0 + 2 sum_{j >= 1} q_j = 1}: q_j is proportional to
 * {@code k_j - k_{j+1}}, the profile's drop j taps from its centre), added to every loss the generator is trained on.
 * Both are off by default ({@link EstimatorOptions#defaults()}); what they do on the benchmark grid is measured in
 * docs/estimator.md ("Known limits").
 *
 * <ul>
 *   <li>The <b>spread</b> prior {@code spreadWeight * sum_j q_j^2} is largest when all of the drop happens at one
 *       distance from the centre (1 for the impulse, 1/4 for any box of three or more taps) and smallest when the drop
 *       is spread out: it favours bells. It makes runs agree, and turns boxes into bells.</li>
 *   <li>The <b>impulse</b> prior {@code impulseWeight * q_0^2} penalises only the drop at the centre tap,
 *       {@code q_0 = (k_0 - k_1) / (k_0 + k_1)}: 1 for the impulse, 0 for every box of three or more taps, small for a
 *       bell (a Gaussian of FWHM 2 has q_0 = 1/3, of FWHM 4 about 0.09). It counters the collapse to the impulse where
 *       the scan does not show a blur narrower than its slice spacing, without taking sides between boxes and
 *       bells.</li>
 * </ul>
 *
 * @param spreadWeight  weight of {@code sum_j q_j^2}; 0 switches it off
 * @param impulseWeight weight of {@code q_0^2}; 0 switches it off
 */
record IncrementPrior(double spreadWeight, double impulseWeight) {
    /** No prior. */
    static final IncrementPrior NONE = new IncrementPrior(0, 0);

    IncrementPrior {
        for (double w : new double[] {spreadWeight, impulseWeight}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("prior weights must be finite and >= 0, got " + w);
            }
        }
    }

    /** Whether either prior has a weight. */
    boolean isActive() {
        return spreadWeight > 0 || impulseWeight > 0;
    }

    /** The priors' term of the loss for the generator's softmax p (length K = 2h + 1, symmetric). */
    double penalty(double[] p) {
        int c = p.length / 2;
        double spread = 0;
        for (int j = 0; j <= c; j++) {
            spread += p[c + j] * p[c + j];
        }
        return spreadWeight * spread + impulseWeight * p[c] * p[c];
    }

    /** Adds the gradient of {@link #penalty} with respect to p to {@code dp}. */
    void addGradient(double[] p, double[] dp) {
        int c = p.length / 2;
        for (int j = 0; j <= c; j++) {
            dp[c + j] += 2 * spreadWeight * p[c + j];
        }
        dp[c] += 2 * impulseWeight * p[c];
    }
}
