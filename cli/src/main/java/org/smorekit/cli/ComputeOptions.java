package org.smorekit.cli;

import picocli.CommandLine.Option;

/** {@code --threads} / {@code --seed}, mixed into every command that trains or samples. */
public final class ComputeOptions {

    @Option(names = "--threads", paramLabel = "<count>", defaultValue = "0",
            description = "Worker threads for the numeric work, 0 to " + ComputeOptions.MAX_THREADS + "; 0 means all "
                    + "available cores (default: ${DEFAULT-VALUE}). The count changes the order of floating-point "
                    + "sums, so results are reproducible for the same seed and the same count. On a machine busy "
                    + "with other work, 1 can be faster than all cores; more threads than cores only slow it down.")
    int threads;

    /**
     * The most threads accepted: enough to repeat a run made on a large workstation with its count, few enough that
     * native code can start them (100,000 crashed the JVM, 4,096 on 2 cores made 10 training steps take minutes).
     */
    static final int MAX_THREADS = 256;

    @Option(names = "--seed", paramLabel = "<integer>", defaultValue = "1",
            description = "Seed of every random choice (patch sampling, network initialisation); "
                    + "the same seed gives the same result with the same --threads (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The thread count to use: the option, or all available cores when it is 0. */
    public int threads() {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be between 0 (all cores) and " + MAX_THREADS
                    + ", got " + threads + " (this machine has " + Runtime.getRuntime().availableProcessors()
                    + " cores)");
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public long seed() {
        return seed;
    }
}
