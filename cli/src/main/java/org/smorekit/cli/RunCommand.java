package org.smorekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;
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

/** {@code smorekit run}: the whole job on one scan: estimate the profile, super-resolve, measure, report. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        header = "Estimate the slice profile, super-resolve with it, measure the result, and write a report.",
        description = {
            "1. estimate: learn the scan's slice profile (as 'smorekit estimate'; checked against the nominal slice "
                    + "thickness when it is known, see --slice-thickness).",
            "2. train and apply: SMORE with that profile (as 'smorekit sr --profile DIR/profile.json').",
            "3. measure: the blur left along the slice axis of the result (as 'smorekit measure').",
            "4. report: DIR/report.html (profile plot, through-plane views of the input, its cubic interpolation and "
                    + "the result, the FWHMs, the times) and DIR/report.json.",
            "Writes DIR/sr.nii.gz (+ sr.json), DIR/cubic.nii.gz (the baseline), DIR/profile.json, DIR/profile.png, "
                    + "DIR/report.json, DIR/report.html, DIR/view-*.png and DIR/run.log.",
        },
        footer = {"", "Examples:", "  smorekit run --input lr.nii.gz --output out",
            "  smorekit run --input lr.nii.gz --output out --quick     # fast demo preset, lower quality"})
public final class RunCommand implements Callable<Integer> {

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
    ThickSliceScanOptions scanOptions;

    @Mixin
    SliceThicknessOption thicknessOption;

    @Mixin
    TrainingProfileOptions trainingProfile;

    @Option(names = "--output", required = true, paramLabel = "<dir>",
            description = "Folder for every output (created if missing).")
    Path output;

    @Mixin
    RunJobOptions job;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        Path input = scanOptions.input();
        OutputFiles.createDirectory(output);
        Path srPath = OutputFiles.prepare(output.resolve("sr.nii.gz"), input);
        OutputFiles.prepare(output.resolve("cubic.nii.gz"), input);
        OutputFiles.prepare(output.resolve(ProfileFiles.JSON), input);
        RunLog.record(output.resolve("run.log"), spec, log -> run(terminal, srPath, log));
        return ExitCodes.OK;
    }

    private void run(Terminal terminal, Path srPath, RunLog log) throws Exception {
        ThickSliceScan scan = scanOptions.read(thicknessOption, terminal);
        terminal.note(scan.describe() + (job.quick ? " [--quick preset]" : ""));
        log.note(scan.describe());
        scan.warnings().forEach(log::warn); // already shown on the terminal by read
        log.param("nominal slice thickness", scan.describeThickness());
        log.param("preset", job.quick ? "quick" : "default");
        EstimatorOptions eo = profileMethod.applyTo(Presets.estimator(job.iterations, compute, noiseMatching,
                scan.scale()));
        SmoreOptions so = Presets.smore(job.quick, job.trainIterations, compute, noiseMatching);
        // refuse a scan too small for SR or for the estimator before any work
        TooSmallForSr.check(scan, so, job.quick, TooSmallForSr.estimatedProfileLength(eo, scan.assumedProfile()));
        ProfileEstimator estimator = new ProfileEstimator(eo);
        TooSmallToEstimate.check(scan, estimator);
        log.param("estimator", eo);
        log.param("smore", so);
        Map<String, Double> times = new LinkedHashMap<>();
        ConsoleProgress progress = terminal.progress();
        double inPlaneMm = scan.geometry().inPlaneSpacingMm();

        // 1. estimate the slice profile
        ProfileEstimate estimate = ThicknessAgreement.check(
                estimator.estimate(scan.volume(), scan.axis(), scan.scale(), progress), scan.thickness(), inPlaneMm);
        times.put("estimate the slice profile", estimate.seconds());
        log.timing("estimate", estimate.seconds());
        estimate.warnings().forEach(w -> log.warn(w, terminal));
        estimate.notes().forEach(n -> log.note(n, terminal));
        ProfileFiles.write(output, estimate, scan, eo, job.quick, log, terminal);
        terminal.note(String.format(Locale.ROOT, "slice profile: FWHM %.2f voxels = %.2f mm",
                estimate.fwhmVoxels(), estimate.fwhmVoxels() * inPlaneMm));

        TrainingProfile chosen = trainingProfile.choose(estimate, scan.assumedProfile());
        if (chosen.fellBack()) {
            log.warn(chosen.notice(), terminal);
        }

        // 2. train on the scan's own in-plane slices, degraded with that profile, then apply
        TrainedModel model = new SmoreTrainer(so).train(scan.volume(), scan.axis(), scan.scale(),
                chosen.profile(), progress);
        times.put("train the SR network", model.trainSeconds());
        log.timing("train", model.trainSeconds());
        model.inputNoiseNote().ifPresent(n -> log.note(n, terminal));
        long t = System.nanoTime();
        Volume sr = new SmoreApplier().apply(model, scan.volume(), scan.axis(), scan.scale(), progress);
        NiftiWriter.write(sr, srPath);
        times.put("apply and write", (System.nanoTime() - t) / 1e9);
        log.timing("apply", times.get("apply and write"));

        // the baseline, for the pictures and for comparison
        t = System.nanoTime();
        Volume cubic = BsplineUpsampler.upsample(scan.volume(), scan.scale(), scan.axis());
        NiftiWriter.write(cubic, output.resolve("cubic.nii.gz"));
        times.put("cubic B-spline baseline", (System.nanoTime() - t) / 1e9);

        // 3. measure the blur left along the slice axis
        RemainingBlur after = null;
        if (!job.skipMeasure) {
            after = RemainingBlur.measure(sr, scan.axis(), eo, progress);
            times.put("measure the result", after.estimate().seconds());
            log.timing("measure", after.estimate().seconds());
            terminal.note(String.format(Locale.ROOT, "blur left after SR: FWHM %.2f voxels = %.2f mm",
                    after.fwhmVoxels(), after.fwhmMm()));
            for (String w : after.estimate().warnings()) {
                log.warn("the blur measurement after SR is not reliable: " + w, terminal);
            }
            for (String n : after.estimate().notes()) {
                log.note("the blur measurement after SR: " + n, terminal);
            }
        }

        // 4. report
        Map<String, Object> srJson = new LinkedHashMap<>();
        srJson.put("tool", "smorekit run");
        srJson.put("version", VersionProvider.version());
        srJson.put("input", scan.toJson());
        srJson.put("profile", chosen.toJson(inPlaneMm));
        srJson.put("model_description", model.describe());
        srJson.put("inference_passes", SmoreApplier.passes());
        srJson.put("preset", job.quick ? "quick" : "default");
        JsonSidecar.write(OutputFiles.sibling(srPath, ".json"), srJson);

        List<ReportViews.Row> views = ReportViews.write(output, scan.volume(), cubic, sr, scan.axis());
        times.put("total", log.elapsedSeconds());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("tool", "smorekit run");
        report.put("version", VersionProvider.version());
        report.put("preset", job.quick ? "quick" : "default");
        report.put("seed", compute.seed());
        report.put("threads", compute.threads());
        report.put("input", scan.toJson());
        report.putAll(NominalSliceThickness.json(scan.thickness()));
        report.put("profile", ProfileFiles.json(estimate, scan, eo, job.quick));
        report.put("training_profile", chosen.toJson(inPlaneMm));
        report.put("sr", Map.of("path", srPath.toAbsolutePath().normalize().toString(), "shape", sr.shape(),
                "spacing_mm", sr.spacingMm(), "final_training_loss", model.finalLoss()));
        report.put("blur_after_sr", after == null ? null : after.toJson());
        Map<String, Double> seconds = new LinkedHashMap<>();
        times.forEach((k, v) -> seconds.put(k.replace(' ', '_'), v));
        report.put("seconds", seconds);
        report.put("warnings", log.warnings());
        JsonSidecar.write(output.resolve("report.json"), report);

        writeHtml(scan, estimate, chosen, after, views, times, log);
        terminal.result(String.format(Locale.ROOT, "wrote %s (%s voxels of %s mm), report %s in %s", srPath,
                VolumeText.shape(sr.shape()), VolumeText.spacing(sr.spacingMm()), output.resolve("report.html"),
                ConsoleProgress.duration(log.elapsedSeconds())));
        log.finish("ok");
    }

    private void writeHtml(ThickSliceScan scan, ProfileEstimate estimate, TrainingProfile chosen, RemainingBlur after,
                           List<ReportViews.Row> views, Map<String, Double> times, RunLog log) throws Exception {
        double inPlaneMm = scan.geometry().inPlaneSpacingMm();
        ReportHtml html = new ReportHtml("smorekit run: " + scan.path().getFileName()
                + (job.quick ? " (quick preset)" : ""));
        if (job.quick) {
            html.paragraph("Made with --quick: a fast, lower-quality preset (a smaller SR network, fewer training "
                    + "steps). Run without --quick for the full result.");
        }
        html.heading("Input");
        html.facts(List.of(
                new String[] {"file", scan.path().toString()},
                new String[] {"voxels", VolumeText.shape(scan.volume().shape())},
                new String[] {"voxel size", VolumeText.spacing(scan.volume().spacingMm()) + " mm"},
                new String[] {"slice axis", Integer.toString(scan.axis())},
                new String[] {"nominal slice thickness", scan.describeThickness()},
                new String[] {"scale", VolumeText.number(scan.scale()) + " (slice spacing / in-plane spacing)"}));
        html.heading("Estimated slice profile");
        List<String[]> profileFacts = new ArrayList<>();
        profileFacts.add(new String[] {"FWHM", String.format(Locale.ROOT, "%.2f voxels = %.2f mm",
                estimate.fwhmVoxels(), estimate.fwhmVoxels() * inPlaneMm)});
        profileFacts.add(estimate.runFwhmVoxels().length == 0
                ? new String[] {"found by", "the spectral fit (no GAN runs)"}
                : new String[] {"GAN iterations", estimate.iterations() + " over " + estimate.runFwhmVoxels().length
                        + " runs" + (estimate.iterationsSaved() > 0 ? " (stopped early, "
                        + estimate.iterationsSaved() + " saved)" : "")});
        profileFacts.add(new String[] {"SR trained with", chosen.fellBack() ? chosen.source()
                + " (not the estimate plotted below)" : "the estimated profile"});
        if (after != null) {
            List<String> remarks = new ArrayList<>(after.estimate().notes());
            if (!after.estimate().warnings().isEmpty()) {
                remarks.add("not reliable, see the warnings");
            }
            profileFacts.add(new String[] {"blur left after SR", String.format(Locale.ROOT,
                    "FWHM %.2f voxels = %.2f mm, the relative slice profile of the result's slice axis%s",
                    after.fwhmVoxels(), after.fwhmMm(),
                    remarks.isEmpty() ? "" : "; " + String.join("; ", remarks))});
        }
        html.facts(profileFacts);
        html.warnings(log.warnings());
        Path png = output.resolve(ProfileFiles.PNG);
        if (Files.exists(png)) {
            html.image(png, "estimated slice profile");
        }
        html.heading("Through-plane views");
        html.paragraph("Middle slices through the slice axis, drawn upwards, at true proportions; grey levels from the "
                + "1st to the 99th percentile of the input, the same for every picture.");
        html.views(ReportViews.COLUMNS, views);
        html.heading("Times");
        html.facts(ReportHtml.timings(times));
        html.heading("Files");
        html.paragraph("sr.nii.gz (the result), cubic.nii.gz (the baseline), profile.json, profile.png, "
                + "report.json, run.log, view-*.png; written by smorekit " + VersionProvider.version() + ".");
        html.write(output.resolve("report.html"));
    }
}
