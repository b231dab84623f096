package org.smorekit.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.smorekit.volume.Volume;

/**
 * A through-plane picture of a volume: the middle slice of the plane spanned by the slice axis (drawn vertically,
 * increasing index upwards) and one in-plane axis (horizontally, increasing to the right), in grey levels of a fixed
 * {@link GreyWindow}. Each voxel becomes a block of pixels whose height is proportional to its spacing along the
 * slice axis, so thick slices look thick and the picture has true proportions.
 */
final class ThroughPlaneView {

    private ThroughPlaneView() {
    }

    /**
     * @param volume          the volume
     * @param sliceAxis       the axis drawn vertically
     * @param inPlaneAxis     the axis drawn horizontally (the third axis is cut at its middle)
     * @param window          grey levels
     * @param pixelsPerMm     display scale
     */
    static BufferedImage render(Volume volume, int sliceAxis, int inPlaneAxis, GreyWindow window, double pixelsPerMm) {
        if (sliceAxis == inPlaneAxis || sliceAxis < 0 || sliceAxis > 2 || inPlaneAxis < 0 || inPlaneAxis > 2) {
            throw new IllegalArgumentException("need two different axes in 0..2, got slice " + sliceAxis
                    + " and in-plane " + inPlaneAxis);
        }
        int cutAxis = 3 - sliceAxis - inPlaneAxis;
        int[] shape = volume.shape();
        double[] spacing = volume.spacingMm();
        int cols = shape[inPlaneAxis];
        int rows = shape[sliceAxis];
        double colPx = spacing[inPlaneAxis] * pixelsPerMm;
        double rowPx = spacing[sliceAxis] * pixelsPerMm;
        int width = Math.max(1, (int) Math.round(cols * colPx));
        int height = Math.max(1, (int) Math.round(rows * rowPx));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] index = new int[3];
        index[cutAxis] = shape[cutAxis] / 2;
        for (int py = 0; py < height; py++) {
            int row = Math.min(rows - 1, (int) ((height - 1 - py) / rowPx));
            index[sliceAxis] = row;
            for (int px = 0; px < width; px++) {
                index[inPlaneAxis] = Math.min(cols - 1, (int) (px / colPx));
                int g = window.grey(volume.get(index[0], index[1], index[2]));
                image.getRaster().setSample(px, py, 0, g);
            }
        }
        return image;
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        OutputFiles.writeAtomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
