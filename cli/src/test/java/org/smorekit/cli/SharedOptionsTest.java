package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.nifti.NiftiWriter;

/** The options declared once as mixins, and the run log every long command keeps, as the user meets them. */
class SharedOptionsTest {

    @Test
    void everyCommandOnAThickSliceScanOffersTheSameInputOptions() {
        for (String command : List.of("estimate", "sr", "run", "upsample")) {
            String help = CliRun.of(command, "--help").out();
            assertTrue(help.contains("--input=<lr.nii.gz>") && help.contains("The thick-slice scan."), help);
            assertTrue(help.contains("--axis=<0|1|2>") && help.contains("detected (largest spacing)"), help);
            assertTrue(help.contains("--volume=<index>") && help.contains("--nan-to-zero"), help);
        }
        for (String command : List.of("sr", "run")) {
            assertTrue(CliRun.of(command, "--help").out().contains("--keep-flagged-profile"), command);
        }
    }

    @Test
    void everySimulatingCommandDefaultsToAxisTwoAndRefusesOthers() {
        for (String command : List.of("demo", "evaluate")) {
            assertTrue(CliRun.of(command, "--help").out().contains("The simulated slice axis (default: 2)."), command);
        }
        assertTrue(CliRun.of("bench", "smore", "--help").out().contains("The simulated slice axis (default: 2)."));
        CliRun r = CliRun.of("evaluate", "--truth", "iso.nii.gz", "--output", "unused", "--axis", "3");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--axis must be 0, 1 or 2"), r.err());
    }

    @Test
    void theEstimatorBenchmarkTakesItsOptionsAsPrintedAndRefusesBadOnesBeforeAnyWork() {
        String help = CliRun.of("bench", "estimator", "--help").out();
        for (String option : List.of("--runs=<count>", "--iterations=<count>", "--batch=<patches>", "--truth=",
                "--fwhm=<voxels>", "--scale=<factor>", "--convergence-stop=<true|false>", "--threads=<count>")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        CliRun r = CliRun.of("bench", "estimator", "--runs", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--runs must be >= 1, got 0"), r.err());
    }

    @Test
    void aThreadCountNativeCodeCannotStartIsRefused() {
        CliRun r = CliRun.of("bench", "estimator", "--threads", "100000");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--threads must be between 0 (all cores) and 256, got 100000"), r.err());
    }

    @Test
    void everySimulatingCommandCanAddNoiseAndRefusesABadLevelBeforeAnyWork(@TempDir Path dir) {
        for (String command : List.of("degrade", "evaluate")) {
            assertTrue(CliRun.of(command, "--help").out().contains("--noise-kind=<rician|gaussian>"), command);
        }
        CliRun r = CliRun.of("evaluate", "--truth", "missing.nii.gz", "--output", dir.resolve("out").toString(),
                "--noise", "loud");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("noise 'loud' is not a level"), r.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    @Test
    void everyEstimatingOrTrainingCommandCanSwitchNoiseMatchingOffAndRefusesOtherValues(@TempDir Path dir) {
        for (String command : List.of("estimate", "sr", "run", "cohort", "evaluate")) {
            String help = CliRun.of(command, "--help").out();
            assertTrue(help.contains("--noise-matching=<auto|off>") && help.contains("(default: auto)"), command);
        }
        CliRun r = CliRun.of("estimate", "--input", "missing.nii.gz", "--output", dir.resolve("out").toString(),
                "--noise-matching", "maybe");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--noise-matching") && r.err().contains("maybe"), r.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aFailedCommandLeavesItsLogWithTheReason(@TempDir Path dir) throws IOException {
        Path iso = dir.resolve("iso.nii.gz");
        NiftiWriter.write(TestScans.phantom(16, 16, 16, 1, 1, 1), iso);
        Path out = dir.resolve("sr.nii.gz");
        CliRun r = CliRun.of("sr", "--input", iso.toString(), "--output", out.toString(), "--profile", "gaussian:4");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        List<String> log = Files.readAllLines(dir.resolve("sr.log"));
        assertTrue(log.get(0).endsWith(" sr"), log.get(0));
        assertTrue(log.get(1).contains("--profile gaussian:4"), log.get(1));
        String last = log.get(log.size() - 1);
        assertTrue(last.startsWith("finished: ") && last.contains("(failed: ") && last.contains("isotropic"), last);
    }
}
