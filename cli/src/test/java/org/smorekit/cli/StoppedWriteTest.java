package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiWriter;

/**
 * A smorekit process stopped while it writes an output (Ctrl-C, kill) leaves neither a partial output nor its
 * temporary file. Each case runs {@link #main} in a child JVM and stops it with SIGTERM once the write has begun.
 */
class StoppedWriteTest {

    /** Child process: {@code hang TARGET} writes a temporary file and waits; {@code nifti TARGET} writes a big volume. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("hang")) {
            OutputFiles.writeAtomically(target, tmp -> {
                Files.writeString(tmp, "half of an output");
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } else {
            int n = 320; // 131 MB of float32, gzipped: seconds of writing
            float[] v = new float[n * n * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.sin(i * 0.37) * 100;
            }
            NiftiWriter.write(Volume.of(new int[] {n, n, n}, v, Affine.identity()), target);
        }
    }

    /** Starts the child, stops it (SIGTERM) as soon as anything appears in {@code dir}, returns what is left there. */
    private static List<Path> stopWhileWriting(String mode, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                StoppedWriteTest.class.getName(), mode, dir.resolve("out.nii.gz").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (listing(dir).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(child.isAlive(), "the child must still be writing when stopped");
            child.destroy(); // SIGTERM, as kill or a closing terminal
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child stops");
        } finally {
            child.destroyForcibly();
        }
        return listing(dir);
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aStoppedAtomicWriteLeavesNothing(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), stopWhileWriting("hang", dir));
    }

    @Test
    void aStoppedNiftiWriteLeavesNothingOrTheWholeFile(@TempDir Path dir) throws Exception {
        List<Path> left = stopWhileWriting("nifti", dir);
        for (Path p : left) {
            assertFalse(p.getFileName().toString().startsWith("."), "temporary file left behind: " + p);
        }
        assertTrue(left.isEmpty() || left.equals(List.of(dir.resolve("out.nii.gz"))), left.toString());
    }
}
