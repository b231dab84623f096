package org.smorekit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.degrade.SliceProfile;
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

/** {@code smorekit sr}: super-resolve the slice axis of a thick-slice scan with SMORE. */
@Command(name = "sr",
        mixinStandardHelpOptions = true,
        header = "Super-resolve a thick-slice scan (SMORE, trained on the scan itself with the slice profile).",
        description = {
            "Trains a residual network on pairs made from the scan's in-plane slices, degraded with the slice profile "
                    + "and sampled at the scale exactly as the acquisition did, then applies it to every through-plane "
                    + "slice of both through-plane orientations, with the slices in order and reversed, and averages. "
                    + "The output has floor((m - 1) * scale) + 1 slices at the in-plane spacing (first slice in "
                    + "place).",
            "With --profile estimate, the estimate is checked against the nominal slice thickness when it is known "
                    + "(see --slice-thickness), as in 'smorekit run'.",
            "Writes OUTPUT, OUTPUT.json (everything used: profile, settings, times) and OUTPUT.log.",
        },
        footer = {"", "Examples:",
            "  smorekit sr --input lr.nii.gz --output sr.nii.gz                       # estimates the profile first",
            "  smorekit sr --input lr.nii.gz --output sr.nii.gz --profile prof/profile.json",
            "  smorekit sr --input lr.nii.gz --output sr.nii.gz --profile gaussian:4mm --save-model sr.model"})
public final class SrCommand implements Callable<Integer> {

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

    @Option(names = "--output", required = true, paramLabel = "<sr.nii.gz>",
            description = "Where to write the super-resolved volume (float32 NIfTI-1).")
    Path output;

    @Option(names = "--profile", defaultValue = ProfileChoice.ESTIMATE, paramLabel = "<profile>",
            description = "The slice profile: estimate (learn it from the scan), a folder or file written by "
                    + "'smorekit estimate' (DIR or DIR/profile.json), gaussian:FWHM, rect:FWHM, or file:PATH; FWHM in "
                    + "in-plane voxels, or in mm with an mm suffix (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--model", paramLabel = "<file.model>",
            description = "Apply this trained model (written by --save-model) instead of training; its scale must "
                    + "match the scan's.")
    Path model;

    @Option(names = "--save-model", paramLabel = "<file.model>",
            description = "Also save the trained model, to re-apply it later with --model.")
    Path saveModel;

    @Option(names = "--train-iterations", paramLabel = "<count>",
            description = "Training steps (default: " + SmoreOptions.DEFAULT_STEPS + "; " + SmoreOptions.QUICK_STEPS
                    + " with --quick).")
    Integer trainIterations;

    @Option(names = "--quick",
            description = "Fast, lower-quality preset for demos and tests: a smaller network and fewer training "
                    + "steps (the profile estimation keeps its defaults).")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        ProfileChoice choice = new ProfileChoice(profile);
        if (model != null && !choice.estimate() && spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
            throw new IllegalArgumentException("--model and --profile exclude each other: a model carries the "
                    + "profile it was trained with");
        }
        if (!choice.estimate()) {
            choice.spec(); // an unknown profile fails here, before any work
        }
        Path input = scanOptions.input();
        OutputFiles.prepare(output, input, model);
        Path sidecar = OutputFiles.prepare(OutputFiles.sibling(output, ".json"), input, model);
        if (saveModel != null) {
            OutputFiles.prepare(saveModel, input, model, output);
        }
        RunLog.record(OutputFiles.sibling(output, ".log"), spec, log -> run(terminal, choice, sidecar, log));
        return ExitCodes.OK;
    }

    private void run(Terminal terminal, ProfileChoice choice, Path sidecar, RunLog log) throws Exception {
        boolean estimating = model == null && choice.estimate();
        // the thickness only checks an estimate: with a given profile or model the sidecar is not read
        ThickSliceScan scan = scanOptions.read(estimating ? thicknessOption : null, terminal);
        log.note(scan.describe(), terminal);
        if (!estimating && thicknessOption.givenMm().isPresent()) {
            log.note("--slice-thickness is not used: it checks an estimated profile, and this run "
                    + (model != null ? "applies a trained model" : "was given its profile"), terminal);
        }
        scan.warnings().forEach(log::warn); // already shown on the terminal by read
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "smorekit sr");
        json.put("version", VersionProvider.version());
        json.put("input", scan.toJson());
        json.put("output", output.toAbsolutePath().normalize().toString());
        json.put("preset", quick ? "quick" : "default");

        // refuse a scan too small for SR (or for the estimator) before any estimator or training work
        SmoreOptions so = Presets.smore(quick, trainIterations, compute, noiseMatching);
        EstimatorOptions eo = profileMethod.applyTo(Presets.estimator(null, compute, noiseMatching, scan.scale()));
        SliceProfile given = null;
        if (model == null) {
            int taps;
            if (choice.estimate()) {
                taps = TooSmallForSr.estimatedProfileLength(eo, scan.assumedProfile());
            } else {
                given = choice.resolve(scan.geometry().inPlaneSpacingMm());
                taps = given.length();
            }
            TooSmallForSr.check(scan, so, quick, taps);
        }

        TrainedModel trained;
        if (model != null) {
            trained = TrainedModel.load(model);
            log.param("model", model);
            json.put("model", model.toAbsolutePath().normalize().toString());
            json.put("profile", ProfileJson.describe(trained.profile(), scan.geometry().inPlaneSpacingMm(),
                    "the model's"));
        } else {
            SliceProfile slice;
            if (choice.estimate()) {
                log.param("GAN iterations per run", Presets.describeGanIterations(eo, scan.scale()));
                ProfileEstimator estimator = new ProfileEstimator(eo);
                TooSmallToEstimate.check(scan, estimator);
                log.param("nominal slice thickness", scan.describeThickness());
                ProfileEstimate estimate = ThicknessAgreement.check(estimator
                        .estimate(scan.volume(), scan.axis(), scan.scale(), terminal.progress()), scan.thickness(),
                        scan.geometry().inPlaneSpacingMm());
                log.timing("estimate", estimate.seconds());
                estimate.warnings().forEach(w -> log.warn(w, terminal));
                estimate.notes().forEach(n -> log.note(n, terminal));
                TrainingProfile chosen = trainingProfile.choose(estimate, scan.assumedProfile());
                if (chosen.fellBack()) {
                    log.warn(chosen.notice(), terminal);
                }
                slice = chosen.profile();
                Map<String, Object> p = chosen.toJson(scan.geometry().inPlaneSpacingMm());
                p.put("estimate", ProfileFiles.json(estimate, scan, eo, quick));
                json.put("profile", p);
            } else {
                slice = given;
                json.put("profile", ProfileJson.describe(slice, scan.geometry().inPlaneSpacingMm(), profile));
            }
            log.param("profile", profile + String.format(Locale.ROOT, " (FWHM %.3f voxels)", slice.fwhmVoxels()));
            log.param("training", so);
            trained = new SmoreTrainer(so).train(scan.volume(), scan.axis(), scan.scale(), slice, terminal.progress());
            log.timing("train", trained.trainSeconds());
            trained.inputNoiseNote().ifPresent(n -> log.note(n, terminal));
            if (saveModel != null) {
                OutputFiles.writeAtomically(saveModel, trained::save);
                log.note("saved the model to " + saveModel);
                json.put("saved_model", saveModel.toAbsolutePath().normalize().toString());
            }
        }
        long applyStart = System.nanoTime();
        Volume sr = new SmoreApplier().apply(trained, scan.volume(), scan.axis(), scan.scale(), terminal.progress());
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;
        log.timing("apply", applySeconds);
        NiftiWriter.write(sr, output);
        json.put("model_description", trained.describe());
        json.put("inference_passes", SmoreApplier.passes());
        json.put("output_shape", sr.shape());
        json.put("output_spacing_mm", sr.spacingMm());
        json.put("train_seconds", model != null ? 0.0 : trained.trainSeconds());
        json.put("apply_seconds", applySeconds);
        json.put("seconds", log.elapsedSeconds());
        json.put("warnings", log.warnings());
        JsonSidecar.write(sidecar, json);
        terminal.result(String.format(Locale.ROOT, "wrote %s: %s voxels of %s mm in %.1f s", output,
                VolumeText.shape(sr.shape()), VolumeText.spacing(sr.spacingMm()), log.elapsedSeconds()));
        log.finish("ok");
    }
}
