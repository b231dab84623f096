package org.smorekit.smore;

import org.nd4j.linalg.factory.Nd4j;

/** Sets ND4J's compute thread count (a process-wide setting). */
final class NdThreads {
    private NdThreads() {
    }

    static void apply(int threads) {
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }
}
