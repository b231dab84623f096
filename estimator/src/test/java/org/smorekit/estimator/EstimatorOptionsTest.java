package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EstimatorOptionsTest {

    @Test
    void theProfileGrowsWithTheScaleOnlyWhereTheDefaultIsTooShort() {
        EstimatorOptions defaults = EstimatorOptions.defaults();
        assertEquals(21, defaults.profileLength());
        // 2 ceil(s) + 1 taps: up to scale 10 the default's 21 suffice
        assertSame(defaults, defaults.withProfileLengthFor(4));
        assertSame(defaults, defaults.withProfileLengthFor(10));
        assertEquals(23, defaults.withProfileLengthFor(10.5).profileLength());
        // 0.5 mm pixels, 6 mm slices
        assertEquals(25, defaults.withProfileLengthFor(6 / 0.5).profileLength());
        // a longer K chosen by the user is kept
        assertEquals(41, defaults.withProfileLength(41).withProfileLengthFor(12).profileLength());
    }

    @Test
    void theIncrementPriorsAreOnTheUnimodalIncrementsOnly() {
        EstimatorOptions defaults = EstimatorOptions.defaults();
        assertEquals(0.1, defaults.withSpreadWeight(0.1).spreadWeight());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withUnimodal(false).withSpreadWeight(0.1));
        assertEquals("spreadWeight and impulseWeight need unimodal: the priors are on the unimodal increments",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withSpreadWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withSpreadWeight(Double.NaN));
        assertEquals(new IncrementPrior(0, 0.1), defaults.withImpulseWeight(0.1).incrementPrior());
        assertThrows(IllegalArgumentException.class, () -> defaults.withUnimodal(false).withImpulseWeight(0.1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withImpulseWeight(Double.POSITIVE_INFINITY));
    }
}
