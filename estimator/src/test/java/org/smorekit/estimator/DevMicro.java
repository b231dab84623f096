package org.smorekit.estimator;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public final class DevMicro {
    public static void main(String[] a) {
        NativeThreads.set(Integer.parseInt(a[0]));
        int n = 1024 * 14;
        int[][] shapes = {{n, 3, 64}, {n, 192, 64}, {n, 64, 64}, {n, 64, 1}};
        for (int[] s : shapes) {
            INDArray x = Nd4j.rand(DataType.FLOAT, s[0], s[1]), w = Nd4j.rand(DataType.FLOAT, s[1], s[2]);
            INDArray z = Nd4j.create(DataType.FLOAT, s[0], s[2]);
            INDArray g = Nd4j.create(DataType.FLOAT, s[1], s[2]);
            INDArray dx = Nd4j.create(DataType.FLOAT, s[0], s[1]);
            double best = 1e9, bestT = 1e9, bestB = 1e9;
            for (int rep = 0; rep < 8; rep++) {
                long t0 = System.nanoTime();
                Nd4j.matmul(x, w, z, false, false, false);
                long t1 = System.nanoTime();
                Nd4j.matmul(x, z, g, true, false, false);
                long t2 = System.nanoTime();
                Nd4j.matmul(z, w, dx, false, true, false);
                long t3 = System.nanoTime();
                best = Math.min(best, (t1 - t0) / 1e6); bestT = Math.min(bestT, (t2 - t1) / 1e6); bestB = Math.min(bestB, (t3 - t2) / 1e6);
            }
            System.out.printf("%s fwd %.2f  dW %.2f  dX %.2f ms%n", java.util.Arrays.toString(s), best, bestT, bestB);
        }
    }
}
