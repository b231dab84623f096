package org.smorekit.estimator;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets the number of native threads ND4J uses (a process-wide setting), so the total matches the cores given: ND4J's
 * own counts, its BLAS's, and OpenMP's team size, which oneDNN and libnd4j's loops read. The OpenMP setting is the one
 * that takes effect: with ND4J's own counts alone (1.0.0-M2.1 keeps reporting 2 after being set to 1) a run asked for
 * 1 thread still kept 2 cores busy on the 2-core machine (docs/benchmarks.md, "Threads"). The result depends on the
 * count (the order of floating-point sums).
 */
final class NativeThreads {
    private NativeThreads() {
    }

    /**
     * @param threads the threads native code may use, >= 1; OpenMP's count applies to work started from the calling
     *                thread
     */
    static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
