package org.smorekit.smore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Peak memory of inference with the default network on a 256x256x60 scan at scale 4 (issue 4: <= 4 GB RSS).
 * Manual: {@code -Dsmorekit.benchmark=true -Dtest=InferenceMemoryProbe}. The model is trained for a few steps only:
 * inference cost and memory do not depend on the weights.
 */
@EnabledIfSystemProperty(named = "smorekit.benchmark", matches = "true")
class InferenceMemoryProbe {
    @Test
    void peakRssOf256x256x60() throws IOException {
        Volume iso = Phantom.ellipsoids(256, 256, 237, 60, 8);
        SliceProfile p = Phantom.gaussian(4, 10);
        Volume lr = Phantom.simulate(iso, 2, p, 4);
        iso = null;
        SmoreOptions o = SmoreOptions.defaults().withIterations(5);
        TrainedModel model = new SmoreTrainer(o).train(lr, 2, 4, p, null);
        System.gc();
        String before = status("VmHWM");
        long t0 = System.nanoTime();
        Volume sr = new SmoreApplier().apply(model, lr, 2, 4, null);
        System.out.printf("RESULT inference %s -> %s in %.1f s; peak RSS before inference %s, after %s%n", lr, sr,
                (System.nanoTime() - t0) / 1e9, before, status("VmHWM"));
    }

    private static String status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "unknown";
    }
}
