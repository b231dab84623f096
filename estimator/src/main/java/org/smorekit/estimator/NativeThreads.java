package org.smorekit.estimator;

import org.nd4j.linalg.factory.Nd4j;

/** Sets the number of native threads ND4J (OpenMP) and its BLAS use, so the total matches the cores given. */
final class NativeThreads {
    private NativeThreads() {
    }

    static void set(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
