package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CubicInterpolationTest {

    private static double[] sample(java.util.function.DoubleUnaryOperator g, int n) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = g.applyAsDouble(i);
        }
        return f;
    }

    @Test
    void weightsSumToOneAndHitTheSamples() {
        double[] f = {4, -2, 7, 1, 3};
        for (int base = 0; base < 4; base++) {
            assertEquals(f[base], CubicInterpolation.at(f, f.length, base, 0), 1e-15);
        }
        double[] ones = {1, 1, 1, 1, 1};
        for (double t = 0; t < 1; t += 0.125) {
            assertEquals(1, CubicInterpolation.at(ones, 5, 2, t), 1e-15);
        }
    }

    @Test
    void reproducesLinearAndQuadraticFunctionsInside() {
        // Keys' a = -1/2 kernel is exact for polynomials up to degree 2 (Keys 1981, IEEE TASSP 29(6))
        java.util.function.DoubleUnaryOperator linear = x -> 3 - 0.5 * x;
        java.util.function.DoubleUnaryOperator quadratic = x -> 0.3 * x * x - 2 * x + 1;
        for (var g : java.util.List.of(linear, quadratic)) {
            double[] f = sample(g, 12);
            for (int base = 1; base <= 9; base++) {
                for (double t = 0.1; t < 1; t += 0.2) {
                    assertEquals(g.applyAsDouble(base + t), CubicInterpolation.at(f, 12, base, t), 1e-12);
                }
            }
        }
    }

    @Test
    void isNotExactForCubics() {
        // documents the limit of Catmull-Rom: a cubic is reproduced only up to O(h^3) (x^3 at 4.25: error 0.094)
        double[] f = sample(x -> x * x * x, 10);
        double err = Math.abs(CubicInterpolation.at(f, 10, 4, 0.25) - 4.25 * 4.25 * 4.25);
        assertTrue(err > 0.09, "error " + err);
    }

    @Test
    void mirrorsAtTheEnds() {
        // f = 0 1 2 3, mirrored: ... 1 | 0 1 2 3 | 2 ...; between 0 and 1 the left neighbour is f(1) = 1
        double[] f = {0, 1, 2, 3};
        double t = 0.5;
        double expected = (-t * t * t + 2 * t * t - t) / 2 * 1 + (3 * t * t * t - 5 * t * t + 2) / 2 * 0
                + (-3 * t * t * t + 4 * t * t + t) / 2 * 1 + (t * t * t - t * t) / 2 * 2;
        assertEquals(expected, CubicInterpolation.at(f, 4, 0, t), 1e-15);
    }
}
