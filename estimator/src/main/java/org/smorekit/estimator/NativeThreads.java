package org.smorekit.estimator;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets the number of native threads ND4J uses (a process-wide setting), so the total matches the cores given: its own
 * thread pool, its BLAS, and OpenMP, whose team size oneDNN and libnd4j's loops read. Without the OpenMP setting a
 * run asked for 1 thread still kept 2 cores busy on the 2-core machine (docs/benchmarks.md, "Threads"); the result
 * depends on the count (the order of floating-point sums), not on anything else.
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
