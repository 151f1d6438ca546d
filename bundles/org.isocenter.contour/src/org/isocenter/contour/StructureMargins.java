/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

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
 * the margin's ellipsoid, not as a threshold of a voxel distance map. The structure is read as its contours, each
 * exact on its own plane, joined between neighbouring contoured planes by shape-based interpolation, and ending on
 * its first and last contoured planes: nothing is extrapolated beyond them, so an end slice is grown as drawn.
 * The sweep of the ellipsoid is evaluated on each output plane with sub-sample distances and its outline traced
 * into polygons, so on every plane the result is the set of points within the margin of that shape, the
 * superior/inferior margin honoured to the mm whatever the slice spacing. Where the output planes end before the
 * result does, it is cut there and {@link MarginResult#clippings()} says so. Patient LPS mm throughout.
 */
public final class StructureMargins {

    /** Crossings are located to this fraction of the in-plane step. */
    private static final double ROOT_TOLERANCE = 1e-3;

    /**
     * An output plane this close (mm) to a contoured plane is read as that plane, so that a CT slice position and a
     * contour's z that differ by rounding give the contour, not the interpolation next to it.
     */
    public static final double PLANE_TOLERANCE_MM = 0.05;

    private StructureMargins() {
    }

    /**
     * The contours of {@code source} grown (positive components) and then shrunk (negative components) by
     * {@code margins}, on {@code planes}. Planes the result does not reach get no contour.
     */
    public static List<Contour> apply(RoiSlabs source, Margins margins, OutputPlanes planes, ProgressMonitor monitor) {
        return compute(source, margins, planes, monitor).contours();
    }

    /** As {@link #apply}, with where the output planes cut the result short. */
    public static MarginResult compute(RoiSlabs source, Margins margins, OutputPlanes planes, ProgressMonitor monitor) {
        if (source.slabCount() == 0) {
            throw new IllegalArgumentException("structure " + source.roi().name() + " has no closed axial contours");
        }
        Margins grow = margins.expansionPart(), shrink = margins.contractionPart();
        List<MarginResult.Clipping> clippings = clippings(source, margins, planes);
        if (shrink.isZero()) {
            return new MarginResult(sweep(source, grow, false, planes, monitor), clippings);
        }
        if (grow.isZero()) {
            return new MarginResult(sweep(source, shrink, true, planes, monitor), clippings);
        }
        // the intermediate is grown on the planes continued beyond the image, so that the image's end does not
        // become a face the contraction then shrinks from
        double zLo = source.slabZMm(0) - grow.inferiorMm(), zHi = source.slabZMm(source.slabCount() - 1) + grow.superiorMm();
        List<Contour> grown = sweep(source, grow, false, continued(planes, zLo, zHi, 2 * source.halfThicknessMm()),
                monitor);
        Roi intermediate = new Roi(source.roi().number(), source.roi().name(), source.roi().colorRgb(),
                source.roi().interpretedType(), grown);
        return new MarginResult(sweep(new RoiSlabs(intermediate, 2 * source.halfThicknessMm()), shrink, true, planes,
                monitor), clippings);
    }

    /**
     * Where the result, reaching from the first contoured plane minus the inferior margin to the last plus the
     * superior margin, passes the outermost planes by more than half their spacing.
     */
    private static List<MarginResult.Clipping> clippings(RoiSlabs source, Margins m, OutputPlanes planes) {
        double lo = source.slabZMm(0) - m.inferiorMm(), hi = source.slabZMm(source.slabCount() - 1) + m.superiorMm();
        List<MarginResult.Clipping> out = new ArrayList<>();
        if (lo > hi) {
            return out;
        }
        double first = planes.z(0), last = planes.z(planes.count() - 1), half = planes.spacingMm() / 2;
        if (lo < first - half - PLANE_TOLERANCE_MM) {
            out.add(new MarginResult.Clipping(false, lo, first, first - lo));
        }
        if (hi > last + half + PLANE_TOLERANCE_MM) {
            out.add(new MarginResult.Clipping(true, hi, last, hi - last));
        }
        return out;
    }

    /** The planes, continued at their spacing (or {@code fallback}) below {@code zLo} and above {@code zHi}. */
    private static OutputPlanes continued(OutputPlanes planes, double zLo, double zHi, double fallbackMm) {
        double spacing = planes.count() > 1 ? planes.spacingMm() : fallbackMm;
        if (!(spacing > 0)) {
            return planes;
        }
        List<Double> z = new ArrayList<>();
        double first = planes.z(0), last = planes.z(planes.count() - 1);
        for (int k = (int) Math.ceil((first - zLo) / spacing) + 1; k >= 1; k--) {
            z.add(first - k * spacing);
        }
        for (double v : planes.zMm()) {
            z.add(v);
        }
        for (int k = 1; k <= (int) Math.ceil((zHi - last) / spacing) + 1; k++) {
            z.add(last + k * spacing);
        }
        // and a plane just inside each end of the grown structure, so that the intermediate ends where it should,
        // not up to a spacing short of it
        for (double end : new double[] { zLo + 1e-6, zHi - 1e-6 }) {
            if (z.stream().allMatch(v -> Math.abs(v - end) > PLANE_TOLERANCE_MM)) {
                z.add(end);
            }
        }
        return new OutputPlanes(z.stream().mapToDouble(Double::doubleValue).toArray(), planes.inPlaneStepMm());
    }

    /** The source's contoured plane within {@link #PLANE_TOLERANCE_MM} of z, or -1. */
    private static int contouredPlane(RoiSlabs source, double z) {
        int lo = 0, hi = source.slabCount() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (source.slabZMm(mid) < z) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        for (int s = Math.max(0, lo - 1); s <= Math.min(source.slabCount() - 1, lo); s++) {
            if (Math.abs(source.slabZMm(s) - z) <= PLANE_TOLERANCE_MM
                    && (best < 0 || Math.abs(source.slabZMm(s) - z) < Math.abs(source.slabZMm(best) - z))) {
                best = s;
            }
        }
        return best;
    }

    private static List<Contour> sweep(RoiSlabs source, Margins m, boolean contract, OutputPlanes planes,
            ProgressMonitor monitor) {
        EllipsoidMetric metric = new EllipsoidMetric(m);
        if (contract) {
            metric = metric.reflected();
        }
        boolean zero = m.isZero();
        double step = planes.inPlaneStepMm();
        double[] box = SlabBounds.of(source);
        double pad = (contract ? 0 : metric.inPlaneReachMm()) + 3 * step;
        PlaneGrid grid = PlaneGrid.covering(box[0] - pad, box[1] + pad, box[2] - pad, box[3] + pad, step);
        double[] z = planes.zMm();
        double[] zEval = new double[z.length];
        int[] plane = new int[z.length];
        double zLo = source.slabZMm(0) - (contract ? 0 : metric.inferiorMm());
        double zHi = source.slabZMm(source.slabCount() - 1) + (contract ? 0 : metric.superiorMm());
        boolean needSweep = false;
        for (int k = 0; k < z.length; k++) {
            plane[k] = contouredPlane(source, z[k]);
            zEval[k] = plane[k] >= 0 ? source.slabZMm(plane[k]) : z[k];
            boolean reached = zEval[k] >= zLo - 1e-9 && zEval[k] <= zHi + 1e-9;
            if (!reached) {
                zEval[k] = Double.NaN;
            } else if (!zero || plane[k] < 0) {
                needSweep = true;
            }
        }
        monitor.begin((contract ? "Contracting " : "Expanding ") + source.roi().name() + " by " + m, planes.count() + 1);
        MarginSweep sweep = needSweep ? new MarginSweep(source, metric, contract, grid) : null;
        monitor.worked(1);
        @SuppressWarnings("unchecked")
        List<Contour>[] perPlane = new List[z.length];
        IntStream.range(0, z.length).parallel().forEach(k -> {
            monitor.checkCancelled();
            perPlane[k] = List.of();
            if (Double.isNaN(zEval[k])) {
                // beyond the result's reach
            } else if (zero && plane[k] >= 0) {
                List<Contour> cs = new ArrayList<>(); // a zero margin on a contoured plane: the contours as drawn
                double[][] xs = source.polygonsX(plane[k]), ys = source.polygonsY(plane[k]);
                for (int p = 0; p < xs.length; p++) {
                    cs.add(contour(xs[p], ys[p], z[k]));
                }
                perPlane[k] = cs;
            } else {
                MarginSweep.PlaneField field = sweep.fieldAt(zEval[k]);
                float[] f = field.values();
                if (contract) {
                    for (int p = 0; p < f.length; p++) {
                        f[p] = -f[p];
                    }
                }
                List<Contour> cs = new ArrayList<>();
                double sign = contract ? -1 : 1, ze = zEval[k];
                int[] reaching = sweep.spansReaching(ze);
                MarchingSquares.EdgeRoot root = (pa, xa, ya, va, pb, xb, yb, vb) -> {
                    int[] candidates = sweep.candidates(reaching, pa, pb);
                    return EdgeRoots.illinois(
                            t -> sign * sweep.valueAt(xa + t * (xb - xa), ya + t * (yb - ya), ze, candidates), va, vb,
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
