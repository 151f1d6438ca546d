package org.isocenter.ui.internal.contouring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.isocenter.contour.SliceEdits;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.SliceViewport;

/**
 * The contouring tools of the axial slice view: brush (paints a disc swept along the drag), eraser (removes it),
 * freehand / polygon (a drag draws a closed outline, clicks place polygon vertices closed by a double-click, Enter
 * or a click on the first vertex; with Ctrl the outline is removed instead of added), nudge (the slice's contours
 * follow the drag). Edits go to the selected structure on the image slice under the view (patient mm from the
 * view's own pixel-to-patient mapping), show live while the mouse moves, and become one undoable step on release.
 * The geometry is {@link SliceEdits}'s; this class only turns gestures into its calls.
 */
public final class SliceEditor {

    /** A tool of the axial view. */
    public enum Tool {
        NAVIGATE("Navigate"), BRUSH("Brush"), ERASER("Eraser"), OUTLINE("Freehand / polygon"), NUDGE("Nudge");

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
    private double planeZ;
    private final List<double[]> points = new ArrayList<>();
    private final List<double[]> polygon = new ArrayList<>();
    private double polygonZ;
    private boolean removing;
    private Vector3 cursorMm;

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
            return "No image to contour.";
        }
        if (session.selected().isEmpty()) {
            return "Select or add a structure in the Structures view to draw on.";
        }
        return null;
    }

    // ---- gestures (from the axial canvas; patient mm) ---------------------------------------------------------

    /** Mouse down at p; {@code ctrl}: the outline tool removes. */
    public void press(Vector3 p, boolean ctrl) {
        cursorMm = p;
        if (problem() != null || tool == Tool.NAVIGATE) {
            return;
        }
        if (tool == Tool.OUTLINE && !polygon.isEmpty()) {
            return; // placing polygon vertices: the release adds one
        }
        begin(p.z());
        removing = ctrl;
        points.add(new double[] { p.x(), p.y() });
        if (tool == Tool.BRUSH || tool == Tool.ERASER) {
            update();
        }
    }

    /** Mouse moved with the button down. */
    public void drag(Vector3 p) {
        cursorMm = p;
        if (roiBefore == null) {
            return;
        }
        double[] last = points.get(points.size() - 1);
        double minStep = tool == Tool.OUTLINE ? 0.3 : Math.max(0.2, brushRadiusMm / 4);
        if (tool != Tool.NUDGE && Math.hypot(p.x() - last[0], p.y() - last[1]) < minStep) {
            return;
        }
        if (tool == Tool.NUDGE) {
            points.add(new double[] { p.x(), p.y() });
            double[] first = points.get(0);
            roiNow = SliceEdits.move(roiBefore, planeZ, p.x() - first[0], p.y() - first[1]);
            session.showTransient(session.with(roiNow));
        } else {
            points.add(new double[] { p.x(), p.y() });
            if (tool != Tool.OUTLINE) {
                update();
            } // an outline's path is drawn by paint(): the canvas repaints itself
        }
    }

    /**
     * Mouse up; {@code dragged}: the mouse moved beyond a click's tolerance; {@code closeToleranceMm}: how near the
     * first polygon vertex a click closes the polygon.
     */
    public void release(Vector3 p, boolean dragged, double closeToleranceMm) {
        cursorMm = p;
        if (tool == Tool.OUTLINE && (!dragged || !polygon.isEmpty())) {
            cancelStroke();
            if (problem() != null) {
                return;
            }
            if (polygon.isEmpty()) {
                polygonZ = session.sliceZ(p.z());
            } else {
                double[] first = polygon.get(0);
                if (polygon.size() >= 3 && Math.hypot(p.x() - first[0], p.y() - first[1]) <= closeToleranceMm) {
                    closePolygon();
                    return;
                }
            }
            polygon.add(new double[] { p.x(), p.y() });
            return;
        }
        if (roiBefore == null) {
            return;
        }
        if (tool == Tool.OUTLINE) {
            roiNow = outline(roiBefore, planeZ, points, removing);
        }
        commit();
    }

    /** Mouse moved without a button (the brush outline follows it). */
    public void hover(Vector3 p) {
        cursorMm = p;
    }

    /** Closes the polygon being placed (double-click, Enter) and adds (Ctrl at its first click: removes) it. */
    public void closePolygon() {
        if (polygon.size() < 3 || problem() != null) {
            polygon.clear();
            return;
        }
        begin(polygonZ);
        roiNow = outline(roiBefore, planeZ, polygon, removing);
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
        Tool saved = tool;
        tool = brushOrEraser;
        try {
            for (int k = 0; k < xsMm.length; k++) {
                Vector3 p = new Vector3(xsMm[k], ysMm[k], zMm);
                if (k == 0) {
                    press(p, false);
                } else {
                    drag(p);
                }
            }
            release(new Vector3(xsMm[xsMm.length - 1], ysMm[ysMm.length - 1], zMm), true, 0);
        } finally {
            tool = saved;
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private void begin(double zMm) {
        Optional<Roi> target = session.selected();
        before = session.set();
        roiBefore = target.orElseThrow();
        roiNow = roiBefore;
        planeZ = session.sliceZ(zMm);
        points.clear();
    }

    private void update() {
        double[] xs = points.stream().mapToDouble(q -> q[0]).toArray();
        double[] ys = points.stream().mapToDouble(q -> q[1]).toArray();
        roiNow = tool == Tool.BRUSH ? SliceEdits.paint(roiBefore, planeZ, xs, ys, brushRadiusMm)
                : SliceEdits.erase(roiBefore, planeZ, xs, ys, brushRadiusMm);
        session.showTransient(session.with(roiNow));
    }

    private static Roi outline(Roi roi, double z, List<double[]> pts, boolean remove) {
        double[] xs = pts.stream().mapToDouble(q -> q[0]).toArray();
        double[] ys = pts.stream().mapToDouble(q -> q[1]).toArray();
        return remove ? SliceEdits.removeOutline(roi, z, xs, ys) : SliceEdits.addOutline(roi, z, xs, ys);
    }

    private void commit() {
        Roi after = roiNow;
        Roi was = roiBefore;
        StructureSet base = before;
        String what = switch (tool) {
        case BRUSH -> "Brush";
        case ERASER -> "Erase";
        case OUTLINE -> removing ? "Remove outline from" : "Outline";
        case NUDGE -> "Nudge";
        default -> "Edit";
        };
        cancelStroke();
        if (after == null || after.contours().equals(was.contours()) || session.set() != base) {
            session.showTransient(null);
            return;
        }
        session.apply(String.format(Locale.ROOT, "%s %s (z %.1f mm)", what, was.name(), planeZ), session.with(after),
                after.number());
    }

    private void cancelStroke() {
        before = null;
        roiBefore = null;
        roiNow = null;
        points.clear();
    }

    // ---- drawing over the axial view ------------------------------------------------------------------------

    /** Draws the brush outline at the cursor and the outline or polygon being drawn. */
    public void paint(GC gc, SliceViewport viewport) {
        if (tool == Tool.NAVIGATE || !session.isLoaded()) {
            return;
        }
        int[] rgb = session.selected().map(Roi::colorRgb).orElse(new int[] { 255, 255, 255 });
        Color colour = new Color(gc.getDevice(), rgb[0], rgb[1], rgb[2]);
        try {
            gc.setForeground(colour);
            gc.setLineWidth(1);
            if ((tool == Tool.BRUSH || tool == Tool.ERASER) && cursorMm != null) {
                double[] c = viewport.patientToPixel(cursorMm);
                int r = (int) Math.round(brushRadiusMm / viewport.mmPerPixel());
                gc.setLineStyle(tool == Tool.ERASER ? SWT.LINE_DASH : SWT.LINE_SOLID);
                gc.drawOval((int) Math.round(c[0]) - r, (int) Math.round(c[1]) - r, 2 * r, 2 * r);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
            if (tool == Tool.OUTLINE) {
                gc.setLineWidth(2);
                polyline(gc, viewport, roiBefore != null ? points : List.of(), planeZ, false);
                if (!polygon.isEmpty()) {
                    List<double[]> open = new ArrayList<>(polygon);
                    if (cursorMm != null) {
                        open.add(new double[] { cursorMm.x(), cursorMm.y() });
                    }
                    polyline(gc, viewport, open, polygonZ, true);
                }
                gc.setLineWidth(1);
            }
        } finally {
            colour.dispose();
        }
    }

    private static void polyline(GC gc, SliceViewport viewport, List<double[]> pts, double z, boolean vertices) {
        if (pts.isEmpty()) {
            return;
        }
        int[] xy = new int[2 * pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            double[] px = viewport.patientToPixel(new Vector3(pts.get(k)[0], pts.get(k)[1], z));
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
        case BRUSH -> "Brush: drag to paint into the selected structure on this slice";
        case ERASER -> "Eraser: drag to remove from the selected structure on this slice";
        case OUTLINE -> "Freehand: drag a closed outline; polygon: click vertices, double-click or Enter closes, Esc "
                + "cancels; hold Ctrl to remove instead of add";
        case NUDGE -> "Nudge: drag to move this slice's contours of the selected structure";
        };
    }
}
