package org.isocenter.render;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;

/**
 * Draws structure contours (patient LPS mm) as one-pixel outlines in their ROI colour onto an axial
 * {@link RenderedSlice} of a volume: a contour is drawn on the slice whose plane it lies in (within half the
 * slice spacing). Coronal and sagittal intersections arrive with the full viewer.
 */
public final class ContourOverlay {

    /** Draws every closed planar contour of {@code rois} lying on axial slice {@code k}. Returns contours drawn. */
    public int drawAxial(RenderedSlice slice, VolumeGeometry g, int k, List<Roi> rois) {
        if (!MprRenderer.isIdentityOriented(g)) {
            throw new IllegalArgumentException("contour overlay needs an axis-aligned volume");
        }
        double sliceZ = g.indexToPatient(0, 0, k).z();
        int drawn = 0;
        for (Roi roi : rois) {
            int[] c = roi.colorRgb();
            int argb = 0xFF000000 | c[0] << 16 | c[1] << 8 | c[2];
            for (Contour contour : roi.contours()) {
                if (contour.geometry() != ContourGeometry.CLOSED_PLANAR
                        || Math.abs(contour.pointsMm().get(0).z() - sliceZ) > g.spacingZMm() / 2) {
                    continue;
                }
                List<Vector3> pts = contour.pointsMm();
                for (int p = 0; p < pts.size(); p++) {
                    Vector3 a = g.patientToIndex(pts.get(p));
                    Vector3 b = g.patientToIndex(pts.get((p + 1) % pts.size()));
                    line(slice, (int) Math.round(a.x()), (int) Math.round(a.y()), (int) Math.round(b.x()),
                            (int) Math.round(b.y()), argb);
                }
                drawn++;
            }
        }
        return drawn;
    }

    /** Bresenham line, clipped to the image. */
    private static void line(RenderedSlice s, int x0, int y0, int x1, int y1, int argb) {
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            if (x0 >= 0 && y0 >= 0 && x0 < s.width && y0 < s.height) {
                s.argb[y0 * s.width + x0] = argb;
            }
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }
}
