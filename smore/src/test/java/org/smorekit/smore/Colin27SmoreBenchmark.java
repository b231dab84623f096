package org.smorekit.smore;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.metrics.Comparison;
import org.smorekit.metrics.HeadMask;
import org.smorekit.metrics.Mask;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * The issue-4 benchmark (not part of CI): Colin27 1 mm, Gaussian FWHM {@code bench.fwhm} (default 4) at scale
 * {@code bench.scale} (4) along z, optionally with Rician noise {@code bench.noise} (e.g. 5%, noise seed 1), SMORE with
 * the true profile vs. cubic B-spline, PSNR/SSIM in the head mask against the noise-free 1 mm volume.
 * Run: {@code mvn -B -q -o -pl smore -am test -Dtest=Colin27SmoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsmorekit.benchmark=true [-Dbench.iterations=N ...]}.
 */
@EnabledIfSystemProperty(named = "smorekit.benchmark", matches = "true")
class Colin27SmoreBenchmark {

    static Path sharedData() {
        String property = System.getProperty("smorekit.sharedData");
        if (property != null) {
            return Path.of(property);
        }
        Path fromRoot = Path.of("..", "shared", "data");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "..", "shared", "data");
    }

    @Test
    void fwhm4Scale4() throws IOException {
        Path file = sharedData().resolve("colin27-t1-1mm.nii.gz");
        assumeTrue(Files.isRegularFile(file), "Colin27 not found at " + file.toAbsolutePath());
        Volume truth = NiftiReader.read(file).volume();
        double fwhm = Double.parseDouble(System.getProperty("bench.fwhm", "4"));
        double scale = Double.parseDouble(System.getProperty("bench.scale", "4"));
        SliceProfile profile = Profiles.gaussian(fwhm);
        Volume lr = ThickSliceSimulator.simulate(truth, profile, scale, 2);
        String noise = System.getProperty("bench.noise");
        if (noise != null) {
            lr = AcquisitionNoise.parse(noise, AcquisitionNoise.Kind.RICIAN).addTo(lr, 1);
        }
        SmoreOptions d = SmoreOptions.defaults();
        SmoreOptions o = d.withIterations(Integer.getInteger("bench.iterations", d.iterations()))
                .withPatchSize(Integer.getInteger("bench.patch", d.patchSize()))
                .withBatchSize(Integer.getInteger("bench.batch", d.batchSize()))
                .withBlocks(Integer.getInteger("bench.blocks", d.blocks()))
                .withChannels(Integer.getInteger("bench.channels", d.channels()))
                .withLearningRate(Double.parseDouble(System.getProperty("bench.lr", "" + d.learningRate())))
                .withThreads(Integer.getInteger("bench.threads", d.threads()))
                .withUpsampling(Upsampling.valueOf(System.getProperty("bench.upsampling", d.upsampling().name())))
                .withNoiseMatching(Boolean.parseBoolean(System.getProperty("bench.noiseMatching", "true")));
        System.out.printf("Colin27 %s -> LR %s, Gaussian FWHM %.2f, scale %.3g, options %s%n", truth, lr, fwhm, scale,
                o);
        long t0 = System.nanoTime();
        long[] lastReport = {t0};
        TrainedModel model = new SmoreTrainer(o).train(lr, 2, scale, profile, (phase, done, total, note) -> {
            long now = System.nanoTime();
            if (now - lastReport[0] > 30e9 || done == total) {
                System.out.printf("  %s %d/%d %s (%.0f s)%n", phase, done, total, note, (now - t0) / 1e9);
                lastReport[0] = now;
            }
        });
        long t1 = System.nanoTime();
        Volume sr = new SmoreApplier().apply(model, lr, 2, scale, null);
        long t2 = System.nanoTime();
        Volume cubic = BsplineUpsampler.upsample(lr, scale, 2);
        Mask mask = HeadMask.of(truth);
        Comparison smore = Comparison.compare(truth, sr, mask);
        Comparison base = Comparison.compare(truth, cubic, mask);
        System.out.printf("RESULT noise %s, training noise sigma %.3f%n", noise == null ? "none" : noise,
                model.inputNoiseSigma());
        System.out.printf("RESULT fwhm %.2f scale %.3g its %d patch %d batch %d blocks %d ch %d lr %.1e %s: "
                        + "train %.1f s (%.3f s/it), infer %.1f s; SMORE PSNR %.2f dB SSIM %.4f; cubic B-spline PSNR "
                        + "%.2f dB SSIM %.4f; peak RSS %s%n",
                fwhm, scale, o.iterations(), o.patchSize(), o.batchSize(), o.blocks(), o.channels(), o.learningRate(),
                o.upsampling(), (t1 - t0) / 1e9, (t1 - t0) / 1e9 / o.iterations(), (t2 - t1) / 1e9, smore.psnrDb(),
                smore.ssim(), base.psnrDb(), base.ssim(), peakRss());
        String out = System.getProperty("bench.save");
        if (out != null) {
            model.save(Path.of(out));
        }
    }

    private static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
