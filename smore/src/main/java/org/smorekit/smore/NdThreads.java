package org.smorekit.smore;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets ND4J's compute thread count (a process-wide setting): its own pool and OpenMP's team size, which oneDNN's
 * convolutions read; without the latter a run asked for 1 thread still used 2 cores (docs/benchmarks.md, "Threads").
 * The estimator's {@code NativeThreads} does the same; smore does not depend on the estimator.
 */
final class NdThreads {
    private NdThreads() {
    }

    /** @param threads the threads native code may use; 0 leaves ND4J's default */
    static void apply(int threads) {
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }
}
