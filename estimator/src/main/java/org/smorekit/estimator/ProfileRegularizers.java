package org.smorekit.estimator;

/**
 * Penalties on the profile k (length K, centre c = K/2) that the generator minimises besides the adversarial loss:
 * <ul>
 *   <li>border (paper, Sec. 2.4): {@code L_b = k_0 + k_1 + k_{K-2} + k_{K-1}}, weight lambda_b;</li>
 *   <li>centroid (paper): {@code L_c = (sum_i i k_i - c)^2}, weight lambda_c;</li>
 *   <li>peak (after espreso2 0.3.2, squared here): {@code L_p = sum_{i<c} relu(k_i - k_{i+1})^2 +
 *       sum_{i>c} relu(k_i - k_{i-1})^2}, zero for any profile that does not increase away from its centre. The square
 *       matters: the plain hinge gives a gradient of +-1 on every 1e-5 wiggle of a near-impulse, which outweighs the
 *       adversarial gradient (~0.1) and pins k to the impulse (measured, docs/estimator.md); the squared hinge only
 *       pushes back on real side lobes.</li>
 * </ul>
 */
final class ProfileRegularizers {
    private final double borderWeight, centroidWeight, peakWeight;

    ProfileRegularizers(double borderWeight, double centroidWeight, double peakWeight) {
        this.borderWeight = borderWeight;
        this.centroidWeight = centroidWeight;
        this.peakWeight = peakWeight;
    }

    /** Returns the weighted penalty and adds its gradient with respect to k to {@code dk}. */
    double addGradient(double[] k, double[] dk) {
        int n = k.length, c = n / 2;
        double loss = 0;
        int[] border = n >= 4 ? new int[] {0, 1, n - 2, n - 1} : new int[] {0, n - 1};
        for (int i : border) {
            loss += borderWeight * k[i];
            dk[i] += borderWeight;
        }
        double centroid = -c;
        for (int i = 0; i < n; i++) {
            centroid += i * k[i];
        }
        loss += centroidWeight * centroid * centroid;
        for (int i = 0; i < n; i++) {
            dk[i] += centroidWeight * 2 * centroid * i;
        }
        for (int i = 0; i < n; i++) {
            if (i == c) {
                continue;
            }
            int inner = i < c ? i + 1 : i - 1;
            double rise = k[i] - k[inner];
            if (rise > 0) {
                loss += peakWeight * rise * rise;
                dk[i] += peakWeight * 2 * rise;
                dk[inner] -= peakWeight * 2 * rise;
            }
        }
        return loss;
    }
}
