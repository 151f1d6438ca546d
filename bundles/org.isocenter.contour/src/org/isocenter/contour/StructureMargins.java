package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.isocenter.contour.internal.EdgeRoots;
import org.isocenter.contour.internal.EllipsoidMetric;
import org.isocenter.contour.internal.MarchingSquares;
import org.isocenter.contour.internal.MarginSweep;
import org.isocenter.contour.internal.PlaneGrid;
import org.isocenter.contour.internal.SlabBounds;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Expands or contracts a contoured structure by a {@link Margins} as the exact Minkowski sum (or difference) with
 * the margin's ellipsoid, not as a threshold of a voxel distance map: the structure is read as its contours with
 * the slices joined by shape-based interpolation (slab convention at its ends), the sweep of the ellipsoid is
 * evaluated on each output plane with sub-sample distances, and the outline is traced into polygons. The
 * superior/inferior margin is honoured to the mm whatever the slice spacing. Patient LPS mm throughout.
 */
public final class StructureMargins {

    /** Crossings are located to this fraction of the in-plane step. */
    private static final double ROOT_TOLERANCE = 1e-3;

    private StructureMargins() {
    }

    /**
     * The contours of {@code source} grown (positive components) and then shrunk (negative components) by
     * {@code margins}, on {@code planes}. Planes the result does not reach get no contour.
     */
    public static List<Contour> apply(RoiSlabs source, Margins margins, OutputPlanes planes, ProgressMonitor monitor) {
        if (source.slabCount() == 0) {
            throw new IllegalArgumentException("structure " + source.roi().name() + " has no closed axial contours");
        }
        Margins grow = margins.expansionPart(), shrink = margins.contractionPart();
        if (margins.isZero()) {
            return onPlanes(source, planes);
        }
        if (grow.isZero()) {
            return sweep(source, shrink, true, planes, monitor);
        }
        List<Contour> grown = sweep(source, grow, false, planes, monitor);
        if (shrink.isZero()) {
            return grown;
        }
        Roi intermediate = new Roi(source.roi().number(), source.roi().name(), source.roi().colorRgb(),
                source.roi().interpretedType(), grown);
        return sweep(new RoiSlabs(intermediate, 2 * source.halfThicknessMm()), shrink, true, planes, monitor);
    }

    /** The source's cross-sections on the planes, unchanged in shape (a zero margin). */
    private static List<Contour> onPlanes(RoiSlabs source, OutputPlanes planes) {
        List<Contour> out = new ArrayList<>();
        for (double z : planes.zMm()) {
            int s = source.slabAt(z);
            if (s < 0) {
                continue;
            }
            double[][] xs = source.polygonsX(s), ys = source.polygonsY(s);
            for (int p = 0; p < xs.length; p++) {
                out.add(contour(xs[p], ys[p], z));
            }
        }
        return out;
    }

    private static List<Contour> sweep(RoiSlabs source, Margins m, boolean contract, OutputPlanes planes,
            ProgressMonitor monitor) {
        EllipsoidMetric metric = new EllipsoidMetric(m);
        if (contract) {
            metric = metric.reflected();
        }
        double step = planes.inPlaneStepMm();
        double[] box = SlabBounds.of(source);
        double pad = (contract ? 0 : metric.inPlaneReachMm()) + 3 * step;
        PlaneGrid grid = PlaneGrid.covering(box[0] - pad, box[1] + pad, box[2] - pad, box[3] + pad, step);
        monitor.begin((contract ? "Contracting " : "Expanding ") + source.roi().name() + " by " + m, planes.count() + 1);
        MarginSweep sweep = new MarginSweep(source, metric, contract, grid);
        monitor.worked(1);
        double h = source.halfThicknessMm();
        double zLo = source.slabZMm(0) - h - (contract ? 0 : metric.inferiorMm());
        double zHi = source.slabZMm(source.slabCount() - 1) + h + (contract ? 0 : metric.superiorMm());
        double[] z = planes.zMm();
        @SuppressWarnings("unchecked")
        List<Contour>[] perPlane = new List[z.length];
        IntStream.range(0, z.length).parallel().forEach(k -> {
            monitor.checkCancelled();
            perPlane[k] = List.of();
            if (z[k] >= zLo - 1e-9 && z[k] <= zHi + 1e-9) {
                MarginSweep.PlaneField field = sweep.fieldAt(z[k]);
                float[] f = field.values();
                int[] span = field.span();
                if (contract) {
                    for (int p = 0; p < f.length; p++) {
                        f[p] = -f[p];
                    }
                }
                List<Contour> cs = new ArrayList<>();
                double sign = contract ? -1 : 1, zk = z[k];
                MarchingSquares.EdgeRoot root = (pa, xa, ya, va, pb, xb, yb, vb) -> {
                    int sa = span[pa], sb = span[pb] == sa ? -1 : span[pb];
                    return EdgeRoots.illinois(
                            t -> sign * sweep.valueAt(xa + t * (xb - xa), ya + t * (yb - ya), zk, sa, sb), va, vb,
                            ROOT_TOLERANCE);
                };
                for (double[][] poly : MarchingSquares.outline(f, grid, root)) {
                    cs.add(contour(poly[0], poly[1], z[k]));
                }
                perPlane[k] = cs;
            }
            synchronized (monitor) {
                monitor.worked(1);
            }
        });
        List<Contour> out = new ArrayList<>();
        for (List<Contour> cs : perPlane) {
            out.addAll(cs);
        }
        return out;
    }


    static Contour contour(double[] xs, double[] ys, double z) {
        List<Vector3> pts = new ArrayList<>(xs.length);
        for (int k = 0; k < xs.length; k++) {
            pts.add(new Vector3(xs[k], ys[k], z));
        }
        return new Contour(ContourGeometry.CLOSED_PLANAR, pts);
    }
}
