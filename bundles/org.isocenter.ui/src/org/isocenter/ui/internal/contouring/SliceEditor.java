/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.isocenter.contour.CrossPlaneEdits;
import org.isocenter.contour.SliceEdits;
import org.isocenter.contour.SphereStroke;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.SliceViewport;

/**
 * The contouring tools of the slice views: brush (paints a disc swept along the drag), eraser (removes it),
 * freehand / polygon (a drag draws a closed outline, clicks place polygon vertices closed by a double-click, Enter
 * or a click on the first vertex; with Ctrl the outline is removed instead of added), nudge (the contours follow
 * the drag). On the axial view an edit goes to the image slice under the view. On the sagittal and coronal views it
 * becomes axial contours on the image's slices (an RT Structure Set holds axial contours only): the brush and
 * eraser are a sphere of the brush radius, the outline a slab as thick as the brush is wide centred on the view's
 * plane, and nudge moves the whole structure (along z by whole slices). Points are patient mm from the view's own
 * pixel-to-patient mapping; edits show live while the mouse moves and become one undoable step on release. The
 * geometry is {@link SliceEdits}'s and {@link CrossPlaneEdits}'s; this class only turns gestures into their calls.
 */
public final class SliceEditor {

    /** A contouring tool of the slice views. */
    public enum Tool {
        NAVIGATE(Messages.SliceEditor_toolNavigate), BRUSH(Messages.SliceEditor_toolBrush), ERASER(Messages.SliceEditor_toolEraser),
        OUTLINE(Messages.SliceEditor_toolOutline), NUDGE(Messages.SliceEditor_toolNudge);

        private final String label;

        Tool(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final EditableStructures session;
    private final List<Runnable> listeners = new ArrayList<>();
    private Tool tool = Tool.NAVIGATE;
    private double brushRadiusMm = 5;
    // the gesture under way
    private StructureSet before;
    private Roi roiBefore;
    private Roi roiNow;
    private SlicePlane gesturePlane = SlicePlane.AXIAL;
    /** The gesture's plane position: the axial slice's z, or the sagittal x / coronal y (mm). */
    private double planeZ;
    private final List<Vector3> points = new ArrayList<>();
    private final List<Vector3> polygon = new ArrayList<>();
    private SlicePlane polygonPlane = SlicePlane.AXIAL;
    private double polygonZ;
    private boolean removing;
    /** The sphere brush / eraser stroke under way on a sagittal or coronal view (grows point by point). */
    private SphereStroke sphere;
    private Vector3 cursorMm;
    private SlicePlane cursorPlane = SlicePlane.AXIAL;

    public SliceEditor(EditableStructures session) {
        this.session = session;
    }

    public Tool tool() {
        return tool;
    }

    public void setTool(Tool t) {
        cancel();
        tool = t;
        listeners.forEach(Runnable::run);
    }

    public double brushRadiusMm() {
        return brushRadiusMm;
    }

    public void setBrushRadiusMm(double r) {
        if (!(r > 0)) {
            throw new IllegalArgumentException("brush radius must be positive");
        }
        brushRadiusMm = r;
        listeners.forEach(Runnable::run);
    }

    /** Called when the tool or brush size changes (tool bar). */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    /** Whether mouse gestures belong to the tool rather than to navigation. */
    public boolean wantsMouse() {
        return tool != Tool.NAVIGATE;
    }

    /** Why the tool cannot draw now, or null. */
    public String problem() {
        if (!session.isLoaded()) {
            return Messages.SliceEditor_noImage;
        }
        if (session.selected().isEmpty()) {
            return Messages.SliceEditor_noStructure;
        }
        return null;
    }

    // ---- gestures (from the axial canvas; patient mm) ---------------------------------------------------------

    /** Mouse down at p on a view of the plane; {@code ctrl}: the outline tool removes. */
    public void press(SlicePlane plane, Vector3 p, boolean ctrl) {
        cursor(plane, p);
        if (problem() != null || tool == Tool.NAVIGATE) {
            return;
        }
        if (tool == Tool.OUTLINE && !polygon.isEmpty()) {
            return; // placing polygon vertices: the release adds one
        }
        begin(plane, p);
        removing = ctrl;
        points.add(p);
        if (tool == Tool.BRUSH || tool == Tool.ERASER) {
            update();
        }
    }

    /** Mouse moved with the button down (on the view the gesture began on). */
    public void drag(Vector3 p) {
        cursor(gesturePlane, p);
        if (roiBefore == null) {
            return;
        }
        Vector3 last = points.get(points.size() - 1);
        double minStep = tool == Tool.OUTLINE ? 0.3 : Math.max(0.2, brushRadiusMm / 4);
        if (tool != Tool.NUDGE && p.minus(last).norm() < minStep) {
            return;
        }
        points.add(p);
        if (tool == Tool.NUDGE) {
            roiNow = nudged(p.minus(points.get(0)));
            session.showTransient(session.with(roiNow));
        } else if (tool != Tool.OUTLINE) {
            update();
        } // an outline's path is drawn by paint(): the canvas repaints itself
    }

    /**
     * Mouse up; {@code dragged}: the mouse moved beyond a click's tolerance; {@code closeToleranceMm}: how near the
     * first polygon vertex a click closes the polygon.
     */
    public void release(Vector3 p, boolean dragged, double closeToleranceMm) {
        SlicePlane plane = roiBefore != null ? gesturePlane : cursorPlane;
        cursor(plane, p);
        if (tool == Tool.OUTLINE && (!dragged || !polygon.isEmpty())) {
            cancelStroke();
            if (problem() != null) {
                return;
            }
            if (polygon.isEmpty()) {
                polygonPlane = plane;
                polygonZ = position(plane, p);
            } else {
                if (plane != polygonPlane) {
                    return; // a click on another view while placing a polygon
                }
                if (polygon.size() >= 3 && p.minus(polygon.get(0)).norm() <= closeToleranceMm) {
                    closePolygon();
                    return;
                }
            }
            polygon.add(p);
            return;
        }
        if (roiBefore == null) {
            return;
        }
        if (tool == Tool.OUTLINE) {
            roiNow = outline(points);
        }
        commit();
    }

    /** Mouse moved without a button over a view of the plane (the brush outline follows it); p null: it left. */
    public void hover(SlicePlane plane, Vector3 p) {
        cursor(plane, p);
    }

    private void cursor(SlicePlane plane, Vector3 p) {
        cursorPlane = plane;
        cursorMm = p;
    }

    /** Closes the polygon being placed (double-click, Enter) and adds (Ctrl at its first click: removes) it. */
    public void closePolygon() {
        if (polygon.size() < 3 || problem() != null) {
            polygon.clear();
            return;
        }
        begin(polygonPlane, polygon.get(0));
        roiNow = outline(polygon);
        polygon.clear();
        commit();
    }

    /** Drops the gesture under way (Esc, tool change). */
    public void cancel() {
        polygon.clear();
        cancelStroke();
        if (session.isLoaded()) {
            session.showTransient(null);
        }
    }

    // ---- programmatic edits (same steps as the mouse) ---------------------------------------------------------

    /** One brush (or eraser) stroke through (x, y) mm on the slice nearest z, as one undo step. */
    public void stroke(Tool brushOrEraser, double zMm, double[] xsMm, double[] ysMm) {
        List<Vector3> path = new ArrayList<>();
        for (int k = 0; k < xsMm.length; k++) {
            path.add(new Vector3(xsMm[k], ysMm[k], zMm));
        }
        stroke(brushOrEraser, SlicePlane.AXIAL, path);
    }

    /** One gesture of a tool along a path (patient mm) on a view of the plane, as one undo step. */
    public void stroke(Tool t, SlicePlane plane, List<Vector3> pathMm) {
        Tool saved = tool;
        tool = t;
        try {
            for (int k = 0; k < pathMm.size(); k++) {
                if (k == 0) {
                    press(plane, pathMm.get(k), false);
                } else {
                    drag(pathMm.get(k));
                }
            }
            release(pathMm.get(pathMm.size() - 1), true, 0);
        } finally {
            tool = saved;
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private void begin(SlicePlane plane, Vector3 p) {
        Optional<Roi> target = session.selected();
        before = session.set();
        roiBefore = target.orElseThrow();
        roiNow = roiBefore;
        gesturePlane = plane;
        planeZ = position(plane, p);
        points.clear();
        sphere = null;
    }

    /** The plane position a gesture on the view works in: the nearest image slice's z, or the view's x / y (mm). */
    private double position(SlicePlane plane, Vector3 p) {
        return switch (plane) {
        case AXIAL -> session.sliceZ(p.z());
        case SAGITTAL -> p.x();
        case CORONAL -> p.y();
        };
    }

    private void update() {
        if (gesturePlane == SlicePlane.AXIAL) {
            double[] xs = points.stream().mapToDouble(Vector3::x).toArray();
            double[] ys = points.stream().mapToDouble(Vector3::y).toArray();
            roiNow = tool == Tool.BRUSH ? SliceEdits.paint(roiBefore, planeZ, xs, ys, brushRadiusMm)
                    : SliceEdits.erase(roiBefore, planeZ, xs, ys, brushRadiusMm);
        } else {
            if (sphere == null) {
                sphere = tool == Tool.BRUSH ? SphereStroke.paint(roiBefore, session.sliceZs(), brushRadiusMm)
                        : SphereStroke.erase(roiBefore, session.sliceZs(), brushRadiusMm);
            }
            while (sphere.points() < points.size()) { // only the new segment's slices are recomputed
                sphere.add(points.get(sphere.points()));
            }
            roiNow = sphere.result();
        }
        session.showTransient(session.with(roiNow));
    }

    private Roi outline(List<Vector3> pts) {
        if (gesturePlane == SlicePlane.AXIAL) {
            double[] xs = pts.stream().mapToDouble(Vector3::x).toArray();
            double[] ys = pts.stream().mapToDouble(Vector3::y).toArray();
            return removing ? SliceEdits.removeOutline(roiBefore, planeZ, xs, ys)
                    : SliceEdits.addOutline(roiBefore, planeZ, xs, ys);
        }
        CrossPlaneEdits.View view = gesturePlane == SlicePlane.SAGITTAL ? CrossPlaneEdits.View.SAGITTAL
                : CrossPlaneEdits.View.CORONAL;
        double depth = 2 * brushRadiusMm;
        return removing ? CrossPlaneEdits.removeSlab(roiBefore, session.sliceZs(), view, planeZ, depth, pts)
                : CrossPlaneEdits.addSlab(roiBefore, session.sliceZs(), view, planeZ, depth, pts);
    }

    /**
     * The structure nudged by a drag: on the axial view the slice's contours move in plane; on the others the whole
     * structure moves in the view's plane, along z by whole image slices (as far as the image reaches).
     */
    private Roi nudged(Vector3 d) {
        if (gesturePlane == SlicePlane.AXIAL) {
            return SliceEdits.move(roiBefore, planeZ, d.x(), d.y());
        }
        double[] zs = session.sliceZs();
        int slices = 0;
        if (zs.length > 1) {
            double spacing = (zs[zs.length - 1] - zs[0]) / (zs.length - 1);
            int[] free = CrossPlaneEdits.slicesFree(roiBefore, zs);
            slices = (int) Math.max(free[0], Math.min(free[1], Math.round(d.z() / spacing)));
        }
        return gesturePlane == SlicePlane.SAGITTAL ? CrossPlaneEdits.move(roiBefore, zs, 0, d.y(), slices)
                : CrossPlaneEdits.move(roiBefore, zs, d.x(), 0, slices);
    }

    private void commit() {
        Roi after = roiNow;
        Roi was = roiBefore;
        StructureSet base = before;
        String what = switch (tool) {
        case BRUSH -> Messages.SliceEditor_editBrush;
        case ERASER -> Messages.SliceEditor_editErase;
        case OUTLINE -> removing ? Messages.SliceEditor_editRemoveOutline : Messages.SliceEditor_editOutline;
        case NUDGE -> Messages.SliceEditor_editNudge;
        default -> Messages.SliceEditor_edit;
        };
        cancelStroke();
        if (after == null || after.contours().equals(was.contours()) || session.set() != base) {
            session.showTransient(null);
            return;
        }
        String where = switch (gesturePlane) {
        case AXIAL -> NLS.bind(Messages.SliceEditor_whereAxial, String.format(Locale.ROOT, "%.1f", planeZ));
        case SAGITTAL -> NLS.bind(Messages.SliceEditor_whereSagittal, String.format(Locale.ROOT, "%.1f", planeZ));
        case CORONAL -> NLS.bind(Messages.SliceEditor_whereCoronal, String.format(Locale.ROOT, "%.1f", planeZ));
        };
        session.apply(NLS.bind(Messages.SliceEditor_editLabel, new Object[] { what, was.name(), where }), session.with(after),
                after.number());
    }

    private void cancelStroke() {
        before = null;
        roiBefore = null;
        roiNow = null;
        sphere = null;
        points.clear();
    }

    // ---- drawing over the slice views ------------------------------------------------------------------------

    /** Draws, on the view the mouse is over, the brush outline at the cursor and the outline or polygon being drawn. */
    public void paint(GC gc, SliceViewport viewport) {
        if (tool == Tool.NAVIGATE || !session.isLoaded()) {
            return;
        }
        SlicePlane plane = viewport.plane();
        int[] rgb = session.selected().map(Roi::colorRgb).orElse(new int[] { 255, 255, 255 });
        Color colour = new Color(gc.getDevice(), rgb[0], rgb[1], rgb[2]);
        try {
            gc.setForeground(colour);
            gc.setLineWidth(1);
            if ((tool == Tool.BRUSH || tool == Tool.ERASER) && cursorMm != null && cursorPlane == plane) {
                double[] c = viewport.patientToPixel(cursorMm);
                int r = (int) Math.round(brushRadiusMm / viewport.mmPerPixel());
                gc.setLineStyle(tool == Tool.ERASER ? SWT.LINE_DASH : SWT.LINE_SOLID);
                gc.drawOval((int) Math.round(c[0]) - r, (int) Math.round(c[1]) - r, 2 * r, 2 * r);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
            if (tool == Tool.OUTLINE) {
                gc.setLineWidth(2);
                if (roiBefore != null && gesturePlane == plane) {
                    polyline(gc, viewport, points, false);
                }
                if (!polygon.isEmpty() && polygonPlane == plane) {
                    List<Vector3> open = new ArrayList<>(polygon);
                    if (cursorMm != null && cursorPlane == plane) {
                        open.add(cursorMm);
                    }
                    polyline(gc, viewport, open, true);
                }
                gc.setLineWidth(1);
            }
        } finally {
            colour.dispose();
        }
    }

    private static void polyline(GC gc, SliceViewport viewport, List<Vector3> pts, boolean vertices) {
        if (pts.isEmpty()) {
            return;
        }
        int[] xy = new int[2 * pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            double[] px = viewport.patientToPixel(pts.get(k));
            xy[2 * k] = (int) Math.round(px[0]);
            xy[2 * k + 1] = (int) Math.round(px[1]);
            if (vertices) {
                gc.drawRectangle(xy[2 * k] - 2, xy[2 * k + 1] - 2, 4, 4);
            }
        }
        gc.drawPolyline(xy);
    }

    /** Number of polygon vertices placed so far (tests, status). */
    public int polygonVertices() {
        return polygon.size();
    }

    /** A status line for the tool. */
    public String hint() {
        return switch (tool) {
        case NAVIGATE -> "";
        case BRUSH -> Messages.SliceEditor_hintBrush;
        case ERASER -> Messages.SliceEditor_hintEraser;
        case OUTLINE -> Messages.SliceEditor_hintOutline;
        case NUDGE -> Messages.SliceEditor_hintNudge;
        };
    }
}
