package org.smorekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smorekit demo}: the whole job on the bundled sample, as the chain of commands a user would type. Each step
 * is printed as its command line, then run in this process.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run the whole pipeline on the bundled sample: simulate a thick-slice scan, super-resolve it, score it.",
        description = {
            "Steps, each printed as the command it runs: (1) degrade the isotropic sample along --axis with a Gaussian "
                    + "slice profile of --fwhm-mm at --scale, (2) info on the thick-slice scan, (3) the cubic B-spline "
                    + "baseline, (4) run: estimate the slice profile, super-resolve, measure (with --quick unless "
                    + "--full), (5) compare the baseline and the super-resolved volume with the isotropic truth.",
        },
        footer = {"", "Example:", "  ./smorekit demo --output demo        # then open demo/run/report.html"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--output", defaultValue = "demo", paramLabel = "<dir>",
            description = "Folder for every file the demo writes (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--truth", paramLabel = "<iso.nii.gz>",
            description = "The isotropic volume to start from (default: the bundled sample, "
                    + BundledSample.RELATIVE_PATH + ").")
    Path truth;

    @Option(names = "--fwhm-mm", defaultValue = "4", paramLabel = "<mm>",
            description = "FWHM of the simulated Gaussian slice profile, in mm (default: ${DEFAULT-VALUE}).")
    double fwhmMm;

    @Option(names = "--scale", defaultValue = "4", paramLabel = "<factor>",
            description = "Slice spacing of the simulated scan in voxels of the truth (default: ${DEFAULT-VALUE}).")
    double scale;

    @Mixin
    SimulatedSliceAxisOption sliceAxis;

    @Option(names = "--full",
            description = "Run with the full training schedule instead of the --quick preset (much slower).")
    boolean full;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        int axis = sliceAxis.axis();
        SliceAxisArguments.requireScale(scale);
        if (!(fwhmMm > 0) || !Double.isFinite(fwhmMm)) {
            throw new IllegalArgumentException("--fwhm-mm must be a finite number > 0, got " + fwhmMm);
        }
        Path iso = shortest(truth != null ? truth : BundledSample.path());
        OutputFiles.createDirectory(output);
        Path lr = output.resolve("lr.nii.gz");
        Path cubic = output.resolve("cubic.nii.gz");
        Path runDir = output.resolve("run");
        String profile = "gaussian:" + VolumeText.number(fwhmMm) + "mm";

        int code = step(terminal, "degrade", "--input", iso.toString(), "--profile", profile,
                "--scale", VolumeText.number(scale), "--axis", Integer.toString(axis), "--output", lr.toString());
        if (code == 0) {
            code = step(terminal, "info", lr.toString());
        }
        if (code == 0) {
            code = step(terminal, "upsample", "--input", lr.toString(), "--output", cubic.toString());
        }
        boolean canRun = spec.root().subcommands().containsKey("run");
        if (code == 0 && canRun) {
            List<String> run = new ArrayList<>(List.of("run", "--input", lr.toString(), "--output", runDir.toString()));
            if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
                run.addAll(List.of("--seed", Long.toString(compute.seed())));
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
                run.addAll(List.of("--threads", Integer.toString(compute.threads())));
            }
            if (!full) {
                run.add("--quick");
            }
            code = step(terminal, run.toArray(String[]::new));
        } else if (code == 0) {
            terminal.warn("this build has no 'run' command yet: skipping super-resolution");
        }
        Path cubicJson = output.resolve("compare-cubic.json");
        Path srJson = output.resolve("compare-sr.json");
        if (code == 0) {
            code = step(terminal, "compare", "--truth", iso.toString(), "--test", cubic.toString(),
                    "--json", cubicJson.toString());
        }
        Path sr = runDir.resolve("sr.nii.gz");
        if (code == 0 && canRun) {
            code = step(terminal, "compare", "--truth", iso.toString(), "--test", sr.toString(),
                    "--json", srJson.toString());
        }
        if (code != 0) {
            return code;
        }
        summary(terminal, cubicJson, canRun ? srJson : null, runDir);
        return ExitCodes.OK;
    }

    /** The path relative to the working directory when it lies below it (shorter command lines to read). */
    private static Path shortest(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : p;
    }

    /** Prints the command line of a step, then runs it with this command's stdout/stderr. */
    private int step(Terminal terminal, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (verbosity.quiet()) {
            all.add("--quiet");
        } else if (verbosity.verbose()) {
            all.add("--verbose");
        }
        terminal.result("");
        terminal.result("$ ./smorekit " + String.join(" ", all));
        CommandLine cl = Smorekit.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        return cl.execute(all.toArray(String[]::new));
    }

    private void summary(Terminal terminal, Path cubicJson, Path srJson, Path runDir) throws Exception {
        terminal.result("");
        terminal.result("Summary (inside the truth's head mask, against the isotropic truth):");
        terminal.result(String.format(Locale.ROOT, "  %-34s %9s  %6s", "", "PSNR (dB)", "SSIM"));
        row(terminal, "cubic B-spline interpolation", JsonSidecar.read(cubicJson));
        if (srJson != null && Files.exists(srJson)) {
            row(terminal, "smorekit run" + (full ? "" : " --quick"), JsonSidecar.read(srJson));
        }
        Path profileJson = runDir.resolve("profile.json");
        if (Files.exists(profileJson)) {
            Map<String, Object> p = JsonSidecar.read(profileJson);
            terminal.result(String.format(Locale.ROOT, "  slice profile FWHM: true %s mm, estimated %.2f mm",
                    VolumeText.number(fwhmMm), ((Number) p.get("fwhm_mm")).doubleValue()));
            if (p.get("warnings") instanceof List<?> warnings && !warnings.isEmpty()) {
                Path report = runDir.resolve("report.json");
                boolean fellBack = Files.exists(report)
                        && JsonSidecar.read(report).get("training_profile") instanceof Map<?, ?> t
                        && Boolean.TRUE.equals(t.get("fell_back_from_flagged_estimate"));
                terminal.result("  the estimator flagged its profile (" + warnings.size() + " warning"
                        + (warnings.size() == 1 ? "" : "s") + ", see " + profileJson + "): "
                        + (fellBack ? "SR was trained with the assumed Gaussian (FWHM = slice spacing) instead"
                        : "SR was trained with it anyway (--keep-flagged-profile)"));
            }
        }
        if (Files.exists(runDir.resolve("report.html"))) {
            terminal.result("  report: " + runDir.resolve("report.html"));
        }
    }

    private static void row(Terminal terminal, String label, Map<String, Object> m) {
        Object psnr = m.get("psnr_db");
        double p = psnr instanceof Number ? ((Number) psnr).doubleValue() : Double.parseDouble(psnr.toString());
        terminal.result(String.format(Locale.ROOT, "  %-34s %9.2f  %6.4f", label, p, ((Number) m.get("ssim")).doubleValue()));
    }
}
