package org.smorekit.cli;

import picocli.CommandLine.Option;

/** {@code --threads} / {@code --seed}, mixed into every command that trains or samples. */
public final class ComputeOptions {

    @Option(names = "--threads", paramLabel = "<count>", defaultValue = "0",
            description = "Worker threads for the numeric work; 0 means all available cores "
                    + "(default: ${DEFAULT-VALUE}). The count changes the order of floating-point sums, so results "
                    + "are reproducible for the same seed and the same count. On a machine busy with other work, 1 "
                    + "can be faster than all cores.")
    int threads;

    @Option(names = "--seed", paramLabel = "<integer>", defaultValue = "1",
            description = "Seed of every random choice (patch sampling, network initialisation); "
                    + "the same seed gives the same result with the same --threads (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The thread count to use: the option, or all available cores when it is 0. */
    public int threads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public long seed() {
        return seed;
    }
}
