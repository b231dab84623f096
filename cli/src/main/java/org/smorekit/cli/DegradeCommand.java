package org.smorekit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.NoisyScan;
import org.smorekit.degrade.ProfileSpec;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiImage;
import org.smorekit.volume.nifti.NiftiWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smorekit degrade}: simulates a thick-slice scan from an isotropic one. */
@Command(name = "degrade",
        mixinStandardHelpOptions = true,
        header = "Simulate a thick-slice scan: blur one axis with a slice profile, keep every s-th slice.",
        description = {
            "Applies the slice profile along --axis of the input, then samples that axis at input voxels 0, s, 2s, ... "
                    + "(cubic interpolation between voxels for a non-integer scale). The output keeps the input's "
                    + "orientation; its spacing along the axis is multiplied by s and its first slice stays in place.",
            "With --noise, thermal noise is added after the subsampling, as an acquisition adds it to each slice: "
                    + "Rician (a magnitude image) unless --noise-kind gaussian.",
            "Also writes OUTPUT.json (the true profile's samples and FWHM, the scale, the axis, the noise, the input) "
                    + "next to the output.",
        },
        footer = {"", "Example:", "  smorekit degrade --input sample/colin27-t1-1mm.nii.gz --profile gaussian:4 "
                + "--scale 4 --axis 2 --output lr.nii.gz",
            "  smorekit degrade --input sample/colin27-t1-1mm.nii.gz --profile rect:5mm --scale 6 --noise 5%% "
                + "--output noisy-gap.nii.gz"})
public final class DegradeCommand implements Callable<Integer> {

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--input", required = true, paramLabel = "<iso.nii.gz>",
            description = "The (isotropic) volume to degrade.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "<lr.nii.gz>",
            description = "Where to write the thick-slice volume (float32 NIfTI-1; .nii.gz or .nii).")
    Path output;

    @Option(names = "--profile", required = true, paramLabel = "<kind:fwhm>",
            description = "The slice profile: gaussian:FWHM, rect:FWHM, or file:PATH (one number per line or a JSON "
                    + "array, sampled on the input grid). FWHM in input voxels along --axis, or in mm with an mm "
                    + "suffix (gaussian:4mm).")
    String profileSpec;

    @Option(names = "--scale", required = true, paramLabel = "<factor>",
            description = "Slice spacing of the output in input voxels (>= 1; need not be an integer).")
    double scale;

    @Option(names = "--axis", defaultValue = "2", paramLabel = "<0|1|2>",
            description = "The axis (voxel index i, j or k) to degrade: the future slice axis (default: ${DEFAULT-VALUE}).")
    int axis;

    @Mixin
    NoiseOptions noiseOptions;

    @Option(names = "--seed", paramLabel = "<integer>", defaultValue = "1",
            description = "Seed of the noise: the same seed gives the same volume (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        SliceAxisArguments.requireAxis(axis);
        SliceAxisArguments.requireScale(scale);
        ProfileSpec parsed = ProfileSpec.parse(profileSpec);
        AcquisitionNoise noise = noiseOptions.noise();
        OutputFiles.prepare(output, input);
        Path sidecar = OutputFiles.prepare(OutputFiles.sibling(output, ".json"), input);

        long start = System.nanoTime();
        NiftiImage image = new ScanReader(inputOptions, terminal).read(input);
        Volume iso = image.volume();
        double axisSpacingMm = iso.spacingMm()[axis];
        SliceProfile profile = parsed.toProfile(axisSpacingMm);
        Volume blurred = ThickSliceSimulator.simulate(iso, profile, scale, axis);
        NoisyScan noisy = noise.apply(blurred, seed);
        Volume lr = noisy.scan();
        NiftiWriter.write(lr, output);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "smorekit degrade");
        json.put("version", VersionProvider.version());
        json.put("input", input.toAbsolutePath().normalize().toString());
        json.put("output", output.toAbsolutePath().normalize().toString());
        json.put("axis", axis);
        json.put("scale", scale);
        Map<String, Object> profileJson = ProfileJson.describe(profile, axisSpacingMm, profileSpec);
        if (parsed.kind() != ProfileSpec.Kind.FILE) {
            // fwhm_* are the sampled profile's, by the half-maximum rule estimates are measured with
            double nominal = parsed.widthVoxels(axisSpacingMm);
            profileJson.put("nominal_fwhm_voxels", nominal);
            profileJson.put("nominal_fwhm_mm", nominal * axisSpacingMm);
        }
        json.put("profile", profileJson);
        Map<String, Object> noiseJson = noiseOptions.json(noisy, seed);
        if (noiseJson != null) {
            json.put("noise", noiseJson);
        }
        json.put("input_shape", iso.shape());
        json.put("input_spacing_mm", iso.spacingMm());
        json.put("output_shape", lr.shape());
        json.put("output_spacing_mm", lr.spacingMm());
        json.put("seconds", seconds);
        JsonSidecar.write(sidecar, json);

        terminal.result(String.format(Locale.ROOT, "wrote %s: %s voxels of %s mm (profile %s, sampled: FWHM %.3f "
                        + "voxels = %.3f mm, scale %s along axis %d) in %.1f s", output, VolumeText.shape(lr.shape()),
                VolumeText.spacing(lr.spacingMm()), profileSpec, profile.fwhmVoxels(),
                profile.fwhmMm(axisSpacingMm), VolumeText.number(scale), axis, seconds));
        if (noisy.sigma() > 0) {
            terminal.result(String.format(Locale.ROOT, "added %s noise of sigma %.4g (seed %d)",
                    noise.kind().label(), noisy.sigma(), seed));
        }
        terminal.note("wrote " + sidecar);
        return ExitCodes.OK;
    }
}
