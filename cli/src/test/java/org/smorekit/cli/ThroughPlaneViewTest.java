package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class ThroughPlaneViewTest {

    @Test
    void percentileWindowIgnoresTheExtremes() {
        float[] v = new float[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[0] = -1e6f;
        v[1000] = 1e6f;
        GreyWindow w = GreyWindow.percentiles(v, 1, 99);
        assertEquals(10, w.low(), 1e-9);
        assertEquals(990, w.high(), 1e-9);
        assertEquals(0, w.grey(-5));
        assertEquals(255, w.grey(2000));
        assertEquals(128, w.grey(500));
    }

    @Test
    void aConstantVolumeStillGetsAWindow() {
        GreyWindow w = GreyWindow.percentiles(new float[] {3, 3, 3}, 1, 99);
        assertEquals(3, w.low(), 0);
        assertEquals(4, w.high(), 0);
    }

    @Test
    void thickSlicesAreDrawnThickAndUpwards() {
        // 4 x 1 x 3 voxels of 1 x 1 x 4 mm; value = slice index k
        float[] data = new float[12];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 4; i++) {
                data[i + 4 * k] = k;
            }
        }
        Volume v = Volume.of(new int[] {4, 1, 3}, data, Affine.scaling(1, 1, 4));
        BufferedImage image = ThroughPlaneView.render(v, 2, 0, new GreyWindow(0, 2), 2.0);
        assertEquals(8, image.getWidth()); // 4 voxels x 1 mm x 2 px/mm
        assertEquals(24, image.getHeight()); // 3 slices x 4 mm x 2 px/mm
        assertEquals(255, image.getRaster().getSample(0, 0, 0), "top row shows the last slice");
        assertEquals(0, image.getRaster().getSample(0, 23, 0), "bottom row shows slice 0");
        assertEquals(128, image.getRaster().getSample(5, 12, 0), "8 rows per 4 mm slice");
    }

    @Test
    void refusesTheSameAxisTwice() {
        Volume v = Volume.of(new int[] {2, 2, 2}, new float[8], Affine.identity());
        assertThrows(IllegalArgumentException.class, () -> ThroughPlaneView.render(v, 1, 1, new GreyWindow(0, 1), 1));
    }
}
