package org.smorekit.estimator;

import java.util.ArrayDeque;
import org.smorekit.degrade.HalfMaximum;

/**
 * The optional early stop: the EMA profile has converged when, over the last {@code window} iterations, its FWHM
 * varied by at most {@code fwhmTolerance} voxels (max - min) and the profile moved by at most {@code profileTolerance}
 * in L1 ({@code sum_i |k_now(i) - k_then(i)|}), and at least {@code minimumIterations} iterations have run.
 */
final class ConvergenceMonitor {
    private final int window, minimumIterations;
    private final double fwhmTolerance, profileTolerance;
    private final ArrayDeque<Double> fwhms = new ArrayDeque<>();
    private final ArrayDeque<double[]> profiles = new ArrayDeque<>();

    ConvergenceMonitor(int window, double fwhmTolerance, double profileTolerance, int minimumIterations) {
        this.window = window;
        this.fwhmTolerance = fwhmTolerance;
        this.profileTolerance = profileTolerance;
        this.minimumIterations = minimumIterations;
    }

    /** Records the EMA profile after iteration {@code iteration} (1-based); true if training may stop. */
    boolean converged(int iteration, double[] ema) {
        fwhms.addLast(HalfMaximum.of(ema).width());
        profiles.addLast(ema.clone());
        if (fwhms.size() > window + 1) {
            fwhms.removeFirst();
            profiles.removeFirst();
        }
        if (iteration < minimumIterations || fwhms.size() <= window) {
            return false;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double f : fwhms) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        double[] then = profiles.peekFirst();
        double l1 = 0;
        for (int i = 0; i < ema.length; i++) {
            l1 += Math.abs(ema[i] - then[i]);
        }
        return hi - lo <= fwhmTolerance && l1 <= profileTolerance;
    }
}
