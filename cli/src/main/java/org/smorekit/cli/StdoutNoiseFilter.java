package org.smorekit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Drops the lines that libraries print unconditionally on {@code System.out}, so that stdout carries only what
 * {@code smorekit} means to print (results, JSON). Known noise: ND4J 1.0.0-M2.1's {@code SameDiff.createGradFunction}
 * prints "Added differentiated op NAME" with {@code System.out.println} for every op, with no switch to turn it off.
 *
 * <p>Works line by line: bytes are held until a newline; a completed line that starts with a noise prefix is dropped,
 * any other line is passed through. {@link #flush()} passes a pending partial line through unless it could still
 * become noise.
 */
final class StdoutNoiseFilter extends OutputStream {

    static final List<String> NOISE_PREFIXES = List.of("Added differentiated op ");

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    StdoutNoiseFilter(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emitLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emitLine();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (line.size() > 0 && !couldBeNoise(line.toString(StandardCharsets.UTF_8))) {
            line.writeTo(target);
            line.reset();
        }
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emitLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        if (!isNoise(text)) {
            line.writeTo(target);
        }
        line.reset();
    }

    static boolean isNoise(String line) {
        return NOISE_PREFIXES.stream().anyMatch(line::startsWith);
    }

    /** A partial line that is a prefix of, or starts with, a noise prefix: wait for the rest of it. */
    private static boolean couldBeNoise(String partial) {
        return NOISE_PREFIXES.stream().anyMatch(p -> partial.startsWith(p) || p.startsWith(partial));
    }
}
