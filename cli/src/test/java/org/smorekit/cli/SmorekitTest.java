package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmorekitTest {

    @Test
    void noSubcommandPrintsUsageAndSucceeds() {
        CliRun r = CliRun.of();
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("Usage: smorekit"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun r = CliRun.of("--version");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().startsWith("smorekit " + VersionProvider.version()), r.out());
        assertTrue(VersionProvider.version().matches("\\d+\\.\\d+\\.\\d+.*"), VersionProvider.version());
    }

    @Test
    void unknownOptionIsAUsageErrorWithOneHintLine() {
        CliRun r = CliRun.of("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertTrue(r.err().contains("Try 'smorekit --help'"), r.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("no-such-command").exitCode());
    }
}
