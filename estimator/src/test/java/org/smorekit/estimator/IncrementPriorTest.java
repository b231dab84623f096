package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each prior on the unimodal increments costs for the shapes it is about: the impulse, a box, a bell. */
class IncrementPriorTest {
    /** Increments q_j at j = 0..3 of a 7-tap softmax p; the left half is the mirror image. */
    private static double[] softmax(double... q) {
        double[] p = new double[2 * q.length - 1];
        int c = q.length - 1;
        for (int j = 0; j < q.length; j++) {
            p[c + j] = q[j];
            p[c - j] = q[j];
        }
        return p;
    }

    @Test
    void theImpulsePriorPenalisesTheImpulseOnlyAndLeavesBoxesFree() {
        IncrementPrior impulse = new IncrementPrior(0, 0.5);
        assertEquals(0.5, impulse.penalty(softmax(1, 0, 0, 0)), 1e-15);        // the impulse: q_0 = 1
        assertEquals(0, impulse.penalty(softmax(0, 0.5, 0, 0)), 1e-15);        // a box of 3 taps
        assertEquals(0, impulse.penalty(softmax(0, 0, 0, 0.5)), 1e-15);        // a box of 7 taps
        // a Gaussian of FWHM 2 sampled at the taps, k_j = 2^(-j^2): q_0 = (k_0 - k_1) / (k_0 + k_1) = 1/3
        double[] k = new double[4];
        for (int j = 0; j < 4; j++) {
            k[j] = Math.pow(2, -j * j);
        }
        double z = k[0] + k[1];
        double[] q = {(k[0] - k[1]) / z, (k[1] - k[2]) / z, (k[2] - k[3]) / z, k[3] / z};
        assertEquals(1, q[0] + 2 * (q[1] + q[2] + q[3]), 1e-15);
        assertEquals(0.5 / 9, impulse.penalty(softmax(q)), 1e-15);
    }

    @Test
    void theSpreadPriorIsLargestForTheImpulseThenForBoxesAndSmallestForSpreadOutDrops() {
        IncrementPrior spread = new IncrementPrior(0.5, 0);
        assertEquals(0.5, spread.penalty(softmax(1, 0, 0, 0)), 1e-15);
        assertEquals(0.5 / 4, spread.penalty(softmax(0, 0, 0.5, 0)), 1e-15);
        assertEquals(0.5 / 4, spread.penalty(softmax(0, 0, 0, 0.5)), 1e-15);
        assertEquals(0.5 * (0.01 + 3 * 0.0225), spread.penalty(softmax(0.1, 0.15, 0.15, 0.15)), 1e-15);
    }

    @Test
    void bothAddUpAndTheGradientIsThePenaltysDerivative() {
        IncrementPrior both = new IncrementPrior(0.3, 0.7);
        double[] p = softmax(0.4, 0.3, 0.2, 0.1);
        assertEquals(0.3 * (0.16 + 0.09 + 0.04 + 0.01) + 0.7 * 0.16, both.penalty(p), 1e-15);
        double[] dp = new double[p.length];
        both.addGradient(p, dp);
        double h = 1e-7;
        for (int j = 3; j < p.length; j++) {
            double keep = p[j];
            p[j] = keep + h;
            double up = both.penalty(p);
            p[j] = keep - h;
            double down = both.penalty(p);
            p[j] = keep;
            assertEquals((up - down) / (2 * h), dp[j], 1e-8, "tap " + j);
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(0, dp[j], "the left half is not read");
        }
    }

    @Test
    void weightsAreCheckedAndZeroMeansOff() {
        assertFalse(IncrementPrior.NONE.isActive());
        assertTrue(new IncrementPrior(0, 1e-3).isActive());
        assertThrows(IllegalArgumentException.class, () -> new IncrementPrior(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new IncrementPrior(0, Double.NaN));
    }
}
