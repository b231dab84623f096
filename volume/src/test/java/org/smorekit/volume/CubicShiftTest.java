package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CubicShiftTest {

    private static float[] image(int nu, int nv, java.util.function.IntBinaryOperator f) {
        float[] v = new float[nu * nv];
        for (int b = 0; b < nv; b++) {
            for (int a = 0; a < nu; a++) {
                v[a + nu * b] = f.applyAsInt(a, b);
            }
        }
        return v;
    }

    @Test
    void aWholeVoxelMovesEveryValueByOne() {
        float[] in = image(12, 10, (a, b) -> a * a + 7 * b);
        float[] out = CubicShift.shift(in, 12, 10, 1, -2);
        for (int b = 0; b < 8; b++) {
            for (int a = 1; a < 12; a++) {
                assertEquals(in[(a - 1) + 12 * (b + 2)], out[a + 12 * b], 1e-4);
            }
        }
    }

    @Test
    void halfAVoxelIsExactForQuadraticsAwayFromTheEdges() {
        float[] in = image(16, 16, (a, b) -> 3 * a * a - 2 * a * b + b * b + 5);
        float[] out = CubicShift.shift(in, 16, 16, 0.5, 0.25);
        for (int b = 3; b < 13; b++) {
            for (int a = 3; a < 13; a++) {
                double x = a - 0.5;
                double y = b - 0.25;
                assertEquals(3 * x * x - 2 * x * y + y * y + 5, out[a + 16 * b], 1e-3);
            }
        }
    }
}
