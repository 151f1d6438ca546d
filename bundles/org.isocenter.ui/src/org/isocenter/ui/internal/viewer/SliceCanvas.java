/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.render.DoseDisplay;
import org.isocenter.render.IsodoseLevel;
import org.isocenter.render.MprNavigator;
import org.isocenter.render.OrientationLabels;
import org.isocenter.render.RenderedSlice;
import org.isocenter.render.ScaleBar;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.SliceRenderer;
import org.isocenter.render.SliceViewport;
import org.isocenter.ui.internal.contouring.SliceEditor;

/**
 * One linked slice view of the image viewer. Draws the rendered slice at screen resolution (one image pixel per
 * screen pixel), the crosshair, orientation labels, scale bar, patient / image / Frame of Reference identity and
 * the slice position. Mouse: left click or drag moves the crosshair; wheel scrolls slices; Ctrl+wheel zooms;
 * right drag changes window/level; middle drag (or Shift+left drag) pans. Arrow and Page keys scroll. With a
 * {@link SliceEditor} and a contouring tool chosen, the left button draws instead (Enter closes a
 * polygon, Esc cancels it).
 */
public final class SliceCanvas {

    private final Canvas canvas;
    private final SlicePlane plane;
    private final ViewerModel model;
    private final Consumer<String> readout;
    private final SliceRenderer renderer = new SliceRenderer();
    private final ArgbPainter painter = new ArgbPainter();
    private int dragButton;
    private boolean panning;
    private Point last;
    private SliceViewport viewport;
    private long lastRenderNanos;
    private SliceEditor editor;
    private boolean editing;
    private boolean draggedFar;
    private Point pressed;
    private RenderedSlice lastSlice;
    private int lastGeneration = -1;
    /** Run once, on the UI thread, after the next paint that drew an image (the open-time report). */
    private Runnable afterImagePaint;

    public SliceCanvas(Composite parent, SlicePlane plane, ViewerModel model, Consumer<String> readout) {
        this.plane = plane;
        this.model = model;
        this.readout = readout;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseDoubleClick, e -> {
            if (editor != null && editor.tool() == SliceEditor.Tool.OUTLINE) {
                editor.closePolygon();
                redraw();
            }
        });
        canvas.addListener(SWT.MouseExit, e -> {
            if (editor != null && editor.wantsMouse()) {
                editor.hover(plane, null);
                redraw();
            }
        });
        canvas.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.PAGE_UP) scroll(1);
            if (e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.PAGE_DOWN) scroll(-1);
            if (editor != null && (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR)) {
                editor.closePolygon();
                redraw();
            }
            if (editor != null && e.keyCode == SWT.ESC) {
                editor.cancel();
                redraw();
            }
            // Ctrl+Z, Ctrl+Y, Shift+Ctrl+Z reach the image only when no key binding took them (GTK's scheme has no
            // Ctrl+Y; a binding whose handler was not ready): Edit > Undo / Redo of the active part then
            boolean ctrl = (e.stateMask & SWT.MOD1) != 0, shift = (e.stateMask & SWT.MOD2) != 0;
            int key = Character.toLowerCase(e.keyCode);
            if (ctrl && !shift && key == 'z') {
                edit(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO);
            } else if (ctrl && (key == 'y' && !shift || key == 'z' && shift)) {
                edit(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_REDO);
            }
        });
    }

    /** Edit ▸ Undo or Redo of the active part (its undo context: the structure edits in the Image Viewer). */
    private static void edit(String command) {
        try {
            org.eclipse.ui.PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                    .executeCommand(command, null);
        } catch (org.eclipse.core.commands.ExecutionException | org.eclipse.core.commands.common.NotDefinedException
                | org.eclipse.core.commands.NotEnabledException | org.eclipse.core.commands.NotHandledException e) {
            // nothing to undo or redo
        }
    }

    /** Lets the contouring tools take the left button in this view. */
    public void setEditor(SliceEditor e) {
        editor = e;
    }

    /** Whether the mouse is further from where the button went down than a click's tolerance (3 px). */
    private boolean movedFar(Event e) {
        return Math.abs(e.x - pressed.x) + Math.abs(e.y - pressed.y) > 3;
    }

    private Vector3 patientAt(Event e) {
        return viewport.pixelToPatient(e.x + 0.5, e.y + 0.5);
    }

    public Canvas control() {
        return canvas;
    }

    public SlicePlane plane() {
        return plane;
    }

    /** The viewport of the last paint (tests), null before the first image. */
    public SliceViewport viewport() {
        return viewport;
    }

    /** Time of the last slice render (ms), for the status line. */
    public double lastRenderMs() {
        return lastRenderNanos / 1e6;
    }

    private void scroll(int steps) {
        MprNavigator nav = model.navigator();
        if (nav != null) {
            nav.scroll(plane, steps);
            model.changed();
        }
    }

    private void wheel(Event e) {
        if (model.navigator() == null) {
            return;
        }
        if ((e.stateMask & SWT.CTRL) != 0) {
            model.navigator().zoom(e.count > 0 ? 1.25 : 0.8);
            model.changed();
        } else {
            scroll(e.count > 0 ? 1 : -1);
        }
    }

    private void mouseDown(Event e) {
        canvas.setFocus();
        if (editor != null && editor.wantsMouse() && e.button == 1 && (e.stateMask & SWT.SHIFT) == 0 && viewport != null) {
            editing = true;
            draggedFar = false;
            pressed = new Point(e.x, e.y);
            editor.press(plane, patientAt(e), (e.stateMask & SWT.CTRL) != 0);
            if (editor.problem() != null) {
                readout.accept(editor.problem());
            }
            redraw();
            return;
        }
        dragButton = e.button;
        panning = e.button == 2 || (e.button == 1 && (e.stateMask & SWT.SHIFT) != 0);
        last = new Point(e.x, e.y);
        if (e.button == 1 && !panning && viewport != null) {
            model.navigator().click(viewport, e.x + 0.5, e.y + 0.5);
            model.changed();
        }
    }

    private void mouseUp(Event e) {
        dragButton = 0;
        if (editing) {
            editing = false;
            if (viewport != null) {
                editor.release(patientAt(e), draggedFar || movedFar(e), 6 * viewport.mmPerPixel());
            }
            redraw();
        }
    }

    private void mouseMove(Event e) {
        if (viewport == null || model.scene() == null) {
            return;
        }
        readout.accept(plane.label() + "  " + SliceRenderer.readout(model.scene(), viewport, e.x + 0.5, e.y + 0.5).describe());
        if (editing) {
            draggedFar |= movedFar(e);
            editor.drag(patientAt(e));
            redraw();
            return;
        }
        if (editor != null && editor.wantsMouse()) {
            editor.hover(plane, patientAt(e));
            redraw();
        }
        if (dragButton == 0 || last == null) {
            return;
        }
        int dx = e.x - last.x, dy = e.y - last.y;
        last = new Point(e.x, e.y);
        if (panning) {
            model.navigator().pan(plane, dx, dy);
            model.changed();
        } else if (dragButton == 1) {
            model.navigator().click(viewport, e.x + 0.5, e.y + 0.5);
            model.changed();
        } else if (dragButton == 3) { // window/level: horizontal = width, vertical = level, 4 HU per pixel
            var s = model.settings();
            model.setSettings(s.withPrimaryWindow(s.primaryWindow().adjusted(-4.0 * dy, 4.0 * dx)));
        }
    }

    public void redraw() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        if (model.scene() == null || area.width < 8 || area.height < 8) {
            viewport = null;
            if (plane == SlicePlane.AXIAL && model.message() != null) {
                Text.wrapped(gc, model.message(), 10, 10, area.width - 20);
            }
            return;
        }
        SliceViewport now = model.navigator().viewport(plane, area.width, area.height);
        RenderedSlice slice = lastSlice;
        if (slice == null || lastGeneration != model.generation() || !now.equals(viewport)) {
            // re-render only when the model or the viewport changed (not for a brush outline following the mouse)
            long t0 = System.nanoTime();
            slice = renderer.render(model.scene(), now, model.settings());
            lastRenderNanos = System.nanoTime() - t0;
            lastSlice = slice;
            lastGeneration = model.generation();
        }
        viewport = now;
        painter.paint(gc, canvas.getDisplay(), slice.argb(), area.width, area.height);
        drawCrosshair(gc, area);
        drawLabels(gc, area);
        if (editor != null) {
            editor.paint(gc, viewport);
        }
        if (afterImagePaint != null) {
            Runnable r = afterImagePaint;
            afterImagePaint = null;
            r.run();
        }
    }

    /**
     * Runs {@code r} once after this view next paints an image: in the window system's paint of the view, so that
     * the image is in the frame being drawn (an open-time report measured up to it is honest).
     */
    public void whenImagePainted(Runnable r) {
        afterImagePaint = r;
        canvas.redraw();
    }

    private void drawCrosshair(GC gc, Rectangle area) {
        double[] c = viewport.patientToPixel(model.navigator().crosshairMm());
        int x = (int) Math.floor(c[0]), y = (int) Math.floor(c[1]), gap = 12;
        Color colour = new Color(canvas.getDisplay(), new RGB(80, 200, 255));
        gc.setForeground(colour);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(0, y, x - gap, y);
        gc.drawLine(x + gap, y, area.width, y);
        gc.drawLine(x, 0, x, y - gap);
        gc.drawLine(x, y + gap, x, area.height);
        gc.setLineStyle(SWT.LINE_SOLID);
        colour.dispose();
    }

    /**
     * The overlay text, laid out so that nothing is printed over anything else: the identity lines top left and the
     * slice / window lines top right share the width (each cut with an ellipsis to its half when they would meet);
     * lines are dropped when the view is low (the Frame of Reference first, then the patient, then the series);
     * the isodose legend goes below the header, only where it fits and only while isodoses are shown (wash or
     * lines); the fused image's line and the scale bar stay at the bottom. The Frame of Reference UID shows as its
     * last digits; the whole identity is the view's tooltip.
     */
    private void drawLabels(GC gc, Rectangle area) {
        var white = canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        gc.setForeground(white);
        int line = gc.getFontMetrics().getHeight();
        int rows = area.height / line;
        ImageVolume v = model.scene().primary();
        var info = v.info();
        String patient = v.patient().displayLabel();
        String series = info.modality() + "  " + info.acquisitionDate() + "  " + info.seriesDescription() + "  "
                + info.patientPosition();
        String forLine = NLS.bind(Messages.SliceCanvas_frameOfReferenceShort, Text.uidTail(info.frameOfReferenceUid(), 12));
        tooltip(NLS.bind(Messages.SliceCanvas_identityTooltip, new Object[] { patient, series, info.frameOfReferenceUid() }));

        // top right: slice and window (the window only when there is room)
        int[] index = model.navigator().sliceIndexAndCount(plane);
        String axis = plane == SlicePlane.AXIAL ? "z" : plane == SlicePlane.CORONAL ? "y" : "x";
        String where = rows >= 8
                ? NLS.bind(Messages.SliceCanvas_slicePosition, new Object[] { plane.label(), index[0] + 1, index[1], axis,
                        String.format(Locale.ROOT, "%.1f", viewport.slicePositionMm()) })
                : String.format(Locale.ROOT, "%d/%d  %s %.1f", index[0] + 1, index[1], axis, viewport.slicePositionMm());
        var w = model.settings().primaryWindow();
        String window = NLS.bind(Messages.SliceCanvas_window, new Object[] { w.name(), String.format(Locale.ROOT, "%.0f", w.centre()),
                String.format(Locale.ROOT, "%.0f", w.width()) });
        List<String> right = new ArrayList<>();
        right.add(where);
        if (rows >= 10) {
            right.add(window);
        }
        // top left: identity lines, fewer when the view is low
        List<String> left = new ArrayList<>();
        if (rows >= 12) {
            left.add(patient);
        }
        if (rows >= 6) {
            left.add(series);
        }
        if (rows >= 16) {
            left.add(forLine);
        }
        int half = Math.max(0, area.width / 2 - 8);
        for (int i = 0; i < right.size(); i++) {
            String r = Text.fit(gc, right.get(i), half);
            gc.drawText(r, area.width - gc.textExtent(r).x - 4, 2 + i * line, true);
        }
        for (int i = 0; i < left.size(); i++) {
            int room = i < right.size() ? half : area.width - 8;
            gc.drawText(Text.fit(gc, left.get(i), room), 4, 2 + i * line, true);
        }
        int headerBottom = 2 + Math.max(left.size(), right.size()) * line;

        OrientationLabels labels = OrientationLabels.of(plane);
        Text.centred(gc, labels.top(), area.width / 2, headerBottom);
        Text.centred(gc, labels.bottom(), area.width / 2, area.height - line - 2);
        gc.drawText(labels.left(), 4, area.height / 2 - line / 2, true);
        gc.drawText(labels.right(), area.width - gc.textExtent(labels.right()).x - 4, area.height / 2 - line / 2, true);

        int bottomTop = area.height - line - 2; // the bottom orientation label and the scale bar's label
        if (rows >= 4) {
            ScaleBar bar = ScaleBar.fitting(viewport.mmPerPixel(), Math.max(20, area.width / 5));
            int bx = area.width - bar.lengthPx() - 10, by = area.height - 8;
            gc.drawLine(bx, by, bx + bar.lengthPx(), by);
            gc.drawLine(bx, by - 4, bx, by);
            gc.drawLine(bx + bar.lengthPx(), by - 4, bx + bar.lengthPx(), by);
            gc.drawText(bar.label(), bx, by - line - 2, true);
            bottomTop = by - line - 2;
        }

        if (model.scene().secondary().isPresent() && model.settings().fusion() != null && rows >= 6) {
            var sec = model.scene().secondary().get().info();
            String fused = NLS.bind(Messages.SliceCanvas_fused, new Object[] { sec.modality(), sec.acquisitionDate(),
                    model.secondaryLabel(), Text.uidTail(sec.frameOfReferenceUid(), 12),
                    model.settings().fusion().mode().label() });
            int y = bottomTop - line;
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            gc.drawText(Text.fit(gc, fused, area.width - 8), 4, y, true);
            gc.setForeground(white);
            bottomTop = y;
        }
        legendShown = false;
        if (plane == SlicePlane.AXIAL && legendWanted()) {
            // below the header and the top orientation label, above whatever is at the bottom
            int top = headerBottom + line + 2;
            DoseDisplay dose = model.settings().dose();
            int legendRows = (dose.levels().size() + 1) / 2;
            int width = 2 * (gc.textExtent(dose.levels().get(dose.levels().size() - 1).label(dose.unit())).x + line + 8);
            if (top + legendRows * line <= bottomTop && width <= area.width / 2) {
                drawLegend(gc, dose, 4, top);
                legendShown = true;
                legendTop = top;
            }
        }
    }

    /** Whether the isodose legend belongs on the axial view: a dose shown as a wash or as isodose lines. */
    private boolean legendWanted() {
        DoseDisplay dose = model.settings().dose();
        return dose != null && model.scene() != null && model.scene().dose().isPresent() && (dose.wash() || dose.lines());
    }

    private boolean legendShown;
    private int legendTop;

    /** Whether the last paint drew the isodose legend (tests). */
    public boolean legendShown() {
        return legendShown;
    }

    /** The legend's top edge (px) in the last paint that drew it (tests: below the header). */
    public int legendTop() {
        return legendTop;
    }

    /** The identity lines in full (the Frame of Reference UID is abbreviated on the image). */
    private void tooltip(String text) {
        if (!text.equals(canvas.getToolTipText())) {
            canvas.setToolTipText(text);
        }
    }

    /** Isodose legend in two columns: a colour box and "dose Gy (percent)" per level, highest first. */
    private void drawLegend(GC gc, DoseDisplay dose, int x, int y) {
        int line = gc.getFontMetrics().getHeight();
        var levels = dose.levels();
        int rows = (levels.size() + 1) / 2;
        int column = gc.textExtent(levels.get(levels.size() - 1).label(dose.unit())).x + line + 8;
        for (int n = 0; n < levels.size(); n++) {
            IsodoseLevel level = levels.get(levels.size() - 1 - n);
            int lx = x + (n / rows) * column, ly = y + (n % rows) * line;
            Color c = new Color(canvas.getDisplay(), level.rgb() >> 16 & 0xFF, level.rgb() >> 8 & 0xFF, level.rgb() & 0xFF);
            gc.setBackground(c);
            gc.fillRectangle(lx, ly + 3, line - 6, line - 6);
            c.dispose();
            gc.drawText(level.label(dose.unit()), lx + line, ly, true);
        }
    }

    /** The crosshair point in patient mm (tests). */
    public Vector3 crosshairMm() {
        return model.navigator().crosshairMm();
    }
}
