package org.smorekit.cli;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.degrade.LineDegrader;
import org.smorekit.degrade.NoisyScan;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.metrics.Comparison;
import org.smorekit.metrics.HeadMask;
import org.smorekit.metrics.Mask;
import org.smorekit.smore.SmoreApplier;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.smore.SmoreTrainer;
import org.smorekit.smore.TrainedModel;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smorekit evaluate}: the paper's evaluation on a known truth. For each simulated Gaussian slice profile:
 * estimate the profile, degrade (make the training pairs with it), train, apply, measure; compare with SR trained on
 * an assumed Gaussian of FWHM = slice spacing and with cubic B-spline interpolation.
 */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Evaluate on a known truth: SR with the estimated vs. an assumed profile vs. cubic interpolation.",
        description = {
            "For each FWHM of --fwhm-mm: simulate a thick-slice scan from the isotropic truth (Gaussian profile of "
                    + "that FWHM, --scale, --axis; with --noise, acquisition noise added after the subsampling, "
                    + "seeded by --seed); estimate its slice profile; super-resolve with the estimated "
                    + "profile and with an assumed Gaussian of FWHM = the slice spacing; interpolate with cubic "
                    + "B-splines; score all three against the truth (PSNR and 3-D SSIM inside the truth's head mask, "
                    + "through the affines); re-measure the blur left after SR.",
            "Writes DIR/evaluation.md (the table), DIR/evaluation.png (the figure), DIR/evaluation.json and "
                    + "DIR/evaluate.log; with --keep-volumes also the volumes of every case.",
        },
        footer = {"", "Example:", "  smorekit evaluate --truth sample/colin27-t1-1mm.nii.gz --output eval --quick"})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ComputeOptions compute;

    @Mixin
    NoiseMatchingOption noiseMatching;

    @Mixin
    ProfileMethodOption profileMethod;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    NoiseOptions noiseOptions;

    @Option(names = "--truth", required = true, paramLabel = "<iso.nii.gz>",
            description = "The isotropic truth volume.")
    Path truth;

    @Option(names = "--output", required = true, paramLabel = "<dir>", description = "Folder for the results.")
    Path output;

    @Option(names = "--fwhm-mm", split = ",", defaultValue = "2,3.2,4.8,6", paramLabel = "<mm>",
            description = "True FWHMs of the simulated Gaussian profiles, in mm, comma-separated "
                    + "(default: ${DEFAULT-VALUE}).")
    double[] fwhmMm;

    @Option(names = "--scale", defaultValue = "4", paramLabel = "<factor>",
            description = "Slice spacing of the simulated scans in truth voxels (default: ${DEFAULT-VALUE}).")
    double scale;

    @Mixin
    SimulatedSliceAxisOption sliceAxis;

    @Option(names = "--quick", description = "Fast, lower-quality preset for every estimate and training.")
    boolean quick;

    @Option(names = "--iterations", paramLabel = "<count>",
            description = "Estimator iterations per GAN run, at most, for the profiles (default: "
                    + EstimatorOptions.DEFAULT_ITERATIONS + ").")
    Integer iterations;

    @Option(names = "--train-iterations", paramLabel = "<count>",
            description = "SR training steps (default: " + SmoreOptions.DEFAULT_STEPS + "; "
                    + SmoreOptions.QUICK_STEPS + " with --quick).")
    Integer trainIterations;

    @Option(names = "--skip-measure", description = "Do not measure the blur left after SR (saves a few seconds per "
            + "FWHM).")
    boolean skipMeasure;

    @Option(names = "--keep-volumes", description = "Also write every simulated, interpolated and super-resolved "
            + "volume to DIR/fwhm-<mm>/.")
    boolean keepVolumes;

    /** One row of the table. */
    private record Row(double trueFwhmMm, double estimatedFwhmMm, double assumedFwhmMm, Comparison cubic,
                       Comparison assumed, Comparison estimated, RemainingBlur blurAssumed, RemainingBlur blurEstimated,
                       double seconds, boolean fellBack, List<String> warnings, List<String> notes,
                       Map<String, Object> noise) {
    }

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        sliceAxis.check();
        SliceAxisArguments.requireScale(scale);
        noiseOptions.noise(); // refuses a bad level before any work
        for (double f : fwhmMm) {
            if (!(f > 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("--fwhm-mm values must be finite and > 0, got " + f);
            }
        }
        OutputFiles.createDirectory(output);
        OutputFiles.prepare(output.resolve("evaluation.json"), truth);
        RunLog.record(output.resolve("evaluate.log"), spec, log -> evaluate(terminal, log));
        return ExitCodes.OK;
    }

    private void evaluate(Terminal terminal, RunLog log) throws Exception {
        int axis = sliceAxis.axis();
        Volume iso = new ScanReader(inputOptions, terminal).read(truth).volume();
        double axisSpacingMm = iso.spacingMm()[axis];
        double sliceSpacingMm = axisSpacingMm * scale;
        EstimatorOptions eo = profileMethod.applyTo(Presets.estimator(iterations, compute, noiseMatching, scale));
        SmoreOptions so = Presets.smore(quick, trainIterations, compute, noiseMatching);
        refuseTooSmall(iso.shape(), eo, so);
        Mask head = HeadMask.of(iso);
        log.param("estimator", eo);
        log.param("smore", so);
        log.param("head mask voxels", head.count());
        ConsoleProgress progress = terminal.progress();
        List<Row> rows = new ArrayList<>();
        for (double fwhm : fwhmMm) {
            long start = System.nanoTime();
            terminal.note(String.format(Locale.ROOT, "== true Gaussian FWHM %s mm, scale %s, axis %d",
                    VolumeText.number(fwhm), VolumeText.number(scale), axis));
            // simulate the acquisition
            SliceProfile truthProfile = Profiles.gaussian(fwhm / axisSpacingMm);
            Volume clean = ThickSliceSimulator.simulate(iso, truthProfile, scale, axis);
            NoisyScan noisy = noiseOptions.noise().apply(clean, compute.seed());
            Map<String, Object> noise = noiseOptions.json(noisy, compute.seed());
            Volume lr = noisy.scan();
            // estimate the profile from the thick-slice scan alone
            ProfileEstimate estimate = new ProfileEstimator(eo).estimate(lr, axis, scale, progress);
            // the assumption the paper compares against: a Gaussian as wide as the slice spacing
            SliceProfile assumed = Profiles.gaussian(scale);
            // what `run` trains with: the estimate, unless the estimator flags it (then the assumed Gaussian)
            TrainingProfile chosen = TrainingProfile.choose(estimate, scale, false);
            // train and apply with each profile (the training pairs are degraded with it)
            Set<String> trainingNotes = new LinkedHashSet<>();
            Volume srEstimated = superResolve(lr, chosen.profile(), so, progress, trainingNotes);
            Volume srAssumed = superResolve(lr, assumed, so, progress, trainingNotes);
            Volume cubic = BsplineUpsampler.upsample(lr, scale, axis);
            // measure against the truth, through the affines, inside the head mask
            Comparison cCubic = Comparison.compare(iso, cubic, head);
            Comparison cAssumed = Comparison.compare(iso, srAssumed, head);
            Comparison cEstimated = Comparison.compare(iso, srEstimated, head);
            RemainingBlur blurAssumed = null;
            RemainingBlur blurEstimated = null;
            if (!skipMeasure) {
                blurAssumed = RemainingBlur.measure(srAssumed, axis, eo, progress);
                blurEstimated = RemainingBlur.measure(srEstimated, axis, eo, progress);
            }
            if (keepVolumes) {
                Path dir = OutputFiles.createDirectory(output.resolve("fwhm-" + VolumeText.number(fwhm) + "mm"));
                NiftiWriter.write(lr, dir.resolve("lr.nii.gz"));
                NiftiWriter.write(cubic, dir.resolve("cubic.nii.gz"));
                NiftiWriter.write(srAssumed, dir.resolve("sr-assumed.nii.gz"));
                NiftiWriter.write(srEstimated, dir.resolve("sr-estimated.nii.gz"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Row row = new Row(fwhm, estimate.fwhmVoxels() * axisSpacingMm, assumed.fwhmVoxels() * axisSpacingMm,
                    cCubic, cAssumed, cEstimated, blurAssumed, blurEstimated, seconds, chosen.fellBack(),
                    estimate.warnings(), estimate.notes(), noise);
            rows.add(row);
            String line = String.format(Locale.ROOT, "FWHM %s mm: estimated %.2f mm; PSNR/SSIM cubic %.2f/%.4f, "
                            + "SR assumed %.2f/%.4f, SR estimated %.2f/%.4f (%s)", VolumeText.number(fwhm),
                    row.estimatedFwhmMm(), cCubic.psnrDb(), cCubic.ssim(), cAssumed.psnrDb(), cAssumed.ssim(),
                    cEstimated.psnrDb(), cEstimated.ssim(), ConsoleProgress.duration(seconds));
            terminal.result(line);
            log.note(line);
            estimate.warnings().forEach(w -> log.warn("FWHM " + VolumeText.number(fwhm) + " mm: " + w));
            estimate.notes().forEach(n -> log.note("FWHM " + VolumeText.number(fwhm) + " mm: " + n));
            trainingNotes.forEach(n -> log.note("FWHM " + VolumeText.number(fwhm) + " mm, SR training: " + n));
            if (blurAssumed != null) {
                String at = "FWHM " + VolumeText.number(fwhm) + " mm: blur after SR with the ";
                blurAssumed.estimate().warnings().forEach(w -> log.warn(at + "assumed profile: " + w));
                blurEstimated.estimate().warnings().forEach(w -> log.warn(at + "estimated profile: " + w));
            }
            if (chosen.fellBack()) {
                log.warn("FWHM " + VolumeText.number(fwhm) + " mm: " + chosen.notice());
                terminal.warn(chosen.notice());
            }
        }
        writeResults(rows, sliceSpacingMm, log);
        terminal.result("wrote " + output.resolve("evaluation.md") + " and " + output.resolve("evaluation.png"));
        log.finish("ok");
    }

    /**
     * Refuses a truth whose simulated thick-slice scan SR or the estimator could not work on, before any work: the
     * same checks {@code run} makes on a real scan ({@link TooSmallForSr}, {@link ProfileEstimator#sizeProblem}).
     */
    private void refuseTooSmall(int[] isoShape, EstimatorOptions eo, SmoreOptions so) {
        int axis = sliceAxis.axis();
        int[] lrShape = isoShape.clone();
        lrShape[axis] = LineDegrader.outputLength(isoShape[axis], scale);
        String simulated = truth + ": the thick-slice scan simulated at scale " + VolumeText.number(scale)
                + " along axis " + axis + " (" + VolumeText.shape(lrShape) + " voxels) is too small: ";
        TooSmallForSr.problem(lrShape, axis, scale, so, quick,
                        TooSmallForSr.estimatedProfileLength(eo, AssumedProfile.sliceSpacing(scale)))
                .ifPresent(p -> {
                    throw new IllegalArgumentException(simulated + p);
                });
        new ProfileEstimator(eo).sizeProblem(lrShape, axis, scale).ifPresent(p -> {
            throw new IllegalArgumentException(simulated + p);
        });
    }

    /** SMORE: train on the scan's own in-plane slices degraded with {@code profile}, then apply. */
    /** SR of {@code lr} trained with {@code profile}; what the training says a user should know goes to notes. */
    private Volume superResolve(Volume lr, SliceProfile profile, SmoreOptions so, ConsoleProgress progress,
                                Set<String> notes) {
        TrainedModel model = new SmoreTrainer(so).train(lr, sliceAxis.axis(), scale, profile, progress);
        model.inputNoiseNote().ifPresent(notes::add);
        return new SmoreApplier().apply(model, lr, sliceAxis.axis(), scale, progress);
    }

    /** ", with rician noise added to each simulated scan (5% of the head's mean intensity; sigma 4.52-4.60)", or "". */
    private String noiseText(List<Row> rows) {
        if (noiseOptions.level() == null || rows.isEmpty() || rows.get(0).noise() == null) {
            return "";
        }
        double[] sigmas = rows.stream().mapToDouble(r -> (Double) r.noise().get("sigma")).toArray();
        String level = noiseOptions.level().strip();
        return String.format(Locale.ROOT, ", with %s noise added to each simulated scan (%s; sigma %.3g-%.3g)",
                noiseOptions.noise().kind().label(), level.endsWith("%") ? level + " of the head's mean intensity"
                        : "sigma " + level, Arrays.stream(sigmas).min().orElse(0),
                Arrays.stream(sigmas).max().orElse(0));
    }

    /** "3.14", or "12.76 (flagged)" when the measurement warned. */
    static String blurText(RemainingBlur blur) {
        return String.format(Locale.ROOT, "%.2f", blur.fwhmMm())
                + (blur.estimate().warnings().isEmpty() ? "" : " (flagged)");
    }

    private void writeResults(List<Row> rows, double sliceSpacingMm, RunLog log) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# smorekit evaluate\n\n");
        md.append(String.format(Locale.ROOT, "Truth: `%s`. Simulated Gaussian slice profiles at scale %s along axis %d "
                        + "(slice spacing %s mm)%s%s. PSNR (dB) and 3-D SSIM inside the truth's head mask, outputs brought "
                        + "onto the truth grid through the affines. \"assumed\": SR trained with a Gaussian of FWHM = "
                        + "slice spacing (%s mm); \"estimated\": SR trained with the profile estimated from the scan, as "
                        + "`run` does (a flagged estimate is replaced by the assumed profile and marked). "
                        + "Blur after SR: FWHM of the relative profile along the slice axis of the SR output (spectral fit at "
                        + "scale 1, as 'smorekit measure'); \"(flagged)\": the sanity check distrusts that profile (see "
                        + "the log), do not read it as a blur.\n\n",
                truth, VolumeText.number(scale), sliceAxis.axis(), VolumeText.number(sliceSpacingMm),
                noiseText(rows), quick ? " with the --quick preset (lower quality than the defaults)" : "",
                VolumeText.number(sliceSpacingMm)));
        md.append("| true FWHM (mm) | estimated FWHM (mm) | cubic PSNR / SSIM | SR assumed PSNR / SSIM "
                + "| SR estimated PSNR / SSIM | blur after SR, assumed / estimated (mm) | time |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> jsonRows = new ArrayList<>();
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f%s | %.2f / %.4f | %.2f / %.4f | %.2f / %.4f | %s | %s |\n",
                    VolumeText.number(r.trueFwhmMm()), r.estimatedFwhmMm(), r.fellBack() ? " (flagged: SR used the "
                            + "assumed profile)" : "", r.cubic().psnrDb(), r.cubic().ssim(),
                    r.assumed().psnrDb(), r.assumed().ssim(), r.estimated().psnrDb(), r.estimated().ssim(),
                    r.blurAssumed() == null ? "not measured" : blurText(r.blurAssumed()) + " / "
                            + blurText(r.blurEstimated()),
                    ConsoleProgress.duration(r.seconds())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("true_fwhm_mm", r.trueFwhmMm());
            m.put("estimated_fwhm_mm", r.estimatedFwhmMm());
            m.put("assumed_fwhm_mm", r.assumedFwhmMm());
            m.put("cubic", CompareCommand.comparisonJson(r.cubic()));
            m.put("sr_assumed", CompareCommand.comparisonJson(r.assumed()));
            m.put("sr_estimated", CompareCommand.comparisonJson(r.estimated()));
            m.put("blur_after_sr_assumed_mm", r.blurAssumed() == null ? null : r.blurAssumed().fwhmMm());
            m.put("blur_after_sr_estimated_mm", r.blurEstimated() == null ? null : r.blurEstimated().fwhmMm());
            m.put("blur_after_sr_assumed_warnings", r.blurAssumed() == null ? List.of()
                    : r.blurAssumed().estimate().warnings());
            m.put("blur_after_sr_estimated_warnings", r.blurEstimated() == null ? List.of()
                    : r.blurEstimated().estimate().warnings());
            m.put("noise", r.noise());
            m.put("seconds", r.seconds());
            m.put("estimate_flagged_sr_used_assumed", r.fellBack());
            m.put("warnings", r.warnings());
            m.put("notes", r.notes());
            jsonRows.add(m);
        }
        md.append(String.format(Locale.ROOT, "%nCommand: `smorekit %s`; smorekit %s.%n",
                String.join(" ", spec.commandLine().getParseResult().originalArgs()), VersionProvider.version()));
        String text = md.toString();
        OutputFiles.writeAtomically(output.resolve("evaluation.md"),
                tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "smorekit evaluate");
        json.put("version", VersionProvider.version());
        json.put("truth", truth.toAbsolutePath().normalize().toString());
        json.put("scale", scale);
        json.put("axis", sliceAxis.axis());
        json.put("preset", quick ? "quick" : "default");
        json.put("seed", compute.seed());
        json.put("threads", compute.threads());
        json.put("rows", jsonRows);
        JsonSidecar.write(output.resolve("evaluation.json"), json);

        double[] x = rows.stream().mapToDouble(Row::trueFwhmMm).toArray();
        List<EvaluationFigure.Series> series = List.of(
                new EvaluationFigure.Series("cubic B-spline", new Color(0x80, 0x80, 0x80),
                        rows.stream().mapToDouble(r -> r.cubic().psnrDb()).toArray(),
                        rows.stream().mapToDouble(r -> r.cubic().ssim()).toArray()),
                new EvaluationFigure.Series("SR, assumed profile", new Color(0xe0, 0x6c, 0x00),
                        rows.stream().mapToDouble(r -> r.assumed().psnrDb()).toArray(),
                        rows.stream().mapToDouble(r -> r.assumed().ssim()).toArray()),
                new EvaluationFigure.Series("SR, estimated profile", new Color(0x1f, 0x5f, 0xa8),
                        rows.stream().mapToDouble(r -> r.estimated().psnrDb()).toArray(),
                        rows.stream().mapToDouble(r -> r.estimated().ssim()).toArray()));
        try {
            EvaluationFigure.writePng(output.resolve("evaluation.png"), "SR with the estimated vs. an assumed slice "
                    + "profile (scale " + VolumeText.number(scale) + (quick ? ", --quick" : "") + ")", x, series);
        } catch (RuntimeException | Error e) {
            log.warn("could not draw evaluation.png: " + e);
        }
    }
}
