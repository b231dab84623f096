package org.smorekit.smore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/** Manual probe of seconds per iteration: {@code -Dsmorekit.benchmark=true}. */
@EnabledIfSystemProperty(named = "smorekit.benchmark", matches = "true")
class SmoreSpeedProbe {
    static String rss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS")) {
                    return line.substring(6).trim();
                }
            }
        } catch (java.io.IOException e) {
            return e.toString();
        }
        return "unknown";
    }

    @Test
    void secondsPerIteration() {
        Volume iso = Phantom.ellipsoids(96, 96, 96, 40, 1);
        SliceProfile p = Phantom.gaussian(4, 10);
        Volume lr = Phantom.simulate(iso, 2, p, 4);
        for (Upsampling up : Upsampling.values()) {
            if (!up.name().matches(System.getProperty("probe.modes", ".*"))) {
                continue;
            }
            int its = Integer.getInteger("probe.iterations", 30);
            SmoreOptions o = SmoreOptions.defaults().withUpsampling(up).withIterations(its)
                    .withPatchSize(Integer.getInteger("probe.patch", 48))
                    .withBatchSize(Integer.getInteger("probe.batch", 16)).withThreads(Integer.getInteger("probe.threads", 0));
            long[] last = {System.nanoTime()};
            double[] best = {Double.MAX_VALUE};
            double[] sum = {0};
            long t0 = System.nanoTime();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long[] cpu = {0, 0};
            new SmoreTrainer(o).train(lr, 2, 4, p, (phase, done, total, note) -> {
                long now = System.nanoTime();
                if (done == 4) {
                    cpu[0] = os.getProcessCpuTime();
                }
                if (done == total) {
                    cpu[1] = os.getProcessCpuTime();
                }
                if (done > 3) {
                    best[0] = Math.min(best[0], (now - last[0]) / 1e9);
                    sum[0] += (now - last[0]) / 1e9;
                    if (done % 20 == 0) {
                        System.out.printf("it %d rss %s%n", done, rss());
                    }
                    if (Boolean.getBoolean("probe.verbose")) {
                        System.out.printf("it %d %.3f s %s%n", done, (now - last[0]) / 1e9, note);
                    }
                }
                last[0] = now;
            });
            System.out.printf("%s patch %d batch %d threads %d: min %.3f s/iteration, mean %.3f after 3, total %.1f s,"
                            + " process CPU %.3f s/iteration after 4%n", up, o.patchSize(), o.batchSize(), o.threads(),
                    best[0], sum[0] / (its - 3), (System.nanoTime() - t0) / 1e9, (cpu[1] - cpu[0]) / 1e9 / (its - 4));
        }
    }
}
