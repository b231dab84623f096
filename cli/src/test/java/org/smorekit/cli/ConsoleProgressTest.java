package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    /** A clock that advances 1 s per reading, so that rates and ETAs are exact. */
    private static final class StepClock {
        long nanos;

        long read() {
            nanos += 1_000_000_000L;
            return nanos;
        }
    }

    @Test
    void plainLinesEveryTenthWithRateAndEta() {
        StringWriter text = new StringWriter();
        StepClock clock = new StepClock();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), ConsoleProgress.Mode.LINES, clock::read);
        for (int i = 0; i <= 100; i++) {
            p.update("train", i, 100, "loss 0.1");
        }
        p.finish("train");
        List<String> lines = text.toString().lines().toList();
        // 10 %, 20 %, ..., 100 %, then the closing line
        assertEquals(11, lines.size(), text.toString());
        assertTrue(lines.get(0).startsWith("train:  10% 10/100"), lines.get(0));
        // 10 units in the 10 s since the phase started: 1.0/s, so 90 left take 90 s = 1m30s
        assertTrue(lines.get(0).contains("1.0/s"), lines.get(0));
        assertTrue(lines.get(0).contains("ETA 1m30s"), lines.get(0));
        assertTrue(lines.get(0).endsWith("loss 0.1"), lines.get(0));
        assertTrue(lines.get(9).startsWith("train: 100% 100/100"), lines.get(9));
        assertTrue(lines.get(10).startsWith("train: done in "), lines.get(10));
    }

    @Test
    void barRedrawsInPlace() {
        StringWriter text = new StringWriter();
        StepClock clock = new StepClock();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), ConsoleProgress.Mode.BAR, clock::read);
        p.update("estimate", 1, 4, "");
        p.update("estimate", 4, 4, "");
        p.finish("estimate");
        String s = text.toString();
        assertTrue(s.startsWith("\restimate [######------------------]  25% 1/4"), s);
        assertTrue(s.contains("\restimate [########################] 100% 4/4"), s);
        assertTrue(s.endsWith("estimate: done in 2 s" + System.lineSeparator()), s);
    }

    @Test
    void silentPrintsNothing() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), ConsoleProgress.Mode.SILENT, System::nanoTime);
        p.update("x", 5, 10, "");
        p.finish("x");
        assertEquals("", text.toString());
    }

    @Test
    void durationsReadLikeAPersonWouldWriteThem() {
        assertEquals("250 ms", ConsoleProgress.duration(0.25));
        assertEquals("42 s", ConsoleProgress.duration(42));
        assertEquals("3m05s", ConsoleProgress.duration(185));
        assertEquals("1h02m", ConsoleProgress.duration(3720));
    }
}
