package org.smorekit.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Small volumes defined by closed formulas, mirrored exactly in {@code make_reference.py} (test resources), whose
 * scikit-image / scipy results are stored in {@code reference.properties}.
 */
final class MetricsFixtures {
    static final int[] SHAPE_A = {20, 18, 16};
    static final int[] SHAPE_B = {13, 11, 12};

    private MetricsFixtures() {
    }

    interface VoxelFormula {
        double at(double x, double y, double z);
    }

    static Volume build(int[] shape, VoxelFormula f) {
        float[] v = new float[shape[0] * shape[1] * shape[2]];
        for (int z = 0, i = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++, i++) {
                    v[i] = (float) f.at(x, y, z);
                }
            }
        }
        return Volume.wrap(shape, v, Affine.identity());
    }

    static double truthFormula(double x, double y, double z) {
        return 100 + 60 * Math.sin(0.5 * x + 0.3 * y) * Math.cos(0.4 * z) + 2 * ((7 * x + 13 * y + 5 * z) % 11);
    }

    static Volume truth(int[] shape) {
        return build(shape, MetricsFixtures::truthFormula);
    }

    /** The test volumes of make_reference.py: "noisy", "affine", "shifted". */
    static Volume test(int[] shape, String kind) {
        Volume t = truth(shape);
        return switch (kind) {
            case "noisy" -> build(shape, (x, y, z) -> t.get((int) x, (int) y, (int) z)
                    + 15 * Math.sin(1.7 * x + 2.3 * y + 3.1 * z));
            case "affine" -> build(shape, (x, y, z) -> 0.8 * t.get((int) x, (int) y, (int) z) + 30
                    + 10 * Math.cos(0.9 * x - 0.5 * z));
            case "shifted" -> build(shape, (x, y, z) -> 100 + 60 * Math.sin(0.5 * (x + 0.5) + 0.3 * y)
                    * Math.cos(0.4 * z) + 2 * ((7 * x + 13 * y + 5 * z) % 11));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Voxels strictly within distance 6 of the grid centre ((n-1)/2 on each axis). */
    static Mask ball(int[] shape) {
        Volume b = build(shape, (x, y, z) -> {
            double dx = x - (shape[0] - 1) / 2.0, dy = y - (shape[1] - 1) / 2.0, dz = z - (shape[2] - 1) / 2.0;
            return dx * dx + dy * dy + dz * dz < 36 ? 1 : 0;
        });
        return Mask.nonZero(b);
    }

    static Properties reference() {
        Properties p = new Properties();
        try (InputStream in = MetricsFixtures.class.getResourceAsStream("reference.properties")) {
            if (in == null) {
                throw new IllegalStateException("reference.properties missing from test resources");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static double ref(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("no reference value " + key);
        }
        return Double.parseDouble(v);
    }

    /** Minimum wall time in ms over {@code repeats} runs. */
    static double minMillis(int repeats, Runnable r) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }
}
