/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.*;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.isocenter.contour.Margins;
import org.isocenter.contour.SliceEdits;
import org.isocenter.contour.StructureMargins;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.MarginDialog;
import org.isocenter.ui.internal.contouring.SliceEditor;
import org.isocenter.ui.internal.contouring.StructureRecipe;
import org.isocenter.ui.internal.contouring.StructureSetSaving;
import org.isocenter.ui.internal.viewer.SliceCanvas;
import org.isocenter.ui.internal.views.ImageViewerView;
import org.isocenter.ui.internal.views.PatientBrowserView;
import org.isocenter.ui.internal.views.StructuresView;
import org.isocenter.render.SlicePlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Contouring in the real workbench (UI harness under Xvfb): the demo planning CT opened in the Contouring
 * perspective, a structure added and drawn (brush through the tool API and through mouse events on the axial view,
 * freehand and nudge by mouse), a margin against the contour bundle's own result, a subtraction, undo / redo
 * through the workbench operation history and the Edit commands, the margin dialog's preview, and Save as new
 * RTSTRUCT (file read back, imported file untouched, existing files refused). Self-contained: it loads the demo CT
 * itself and leaves the Planning perspective active, whichever test class runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContouringWorkbenchTest {

    private static final double BRUSH_MM = 5;
    private static final EditableStructures SESSION = EditableStructures.get();

    private static StructuresView structures() {
        return (StructuresView) page().findView(IsocenterUi.VIEW_STRUCTURES);
    }

    private static SliceCanvas axial() {
        SliceCanvas c = viewer().sliceCanvases().get(0);
        assertEquals(SlicePlane.AXIAL, c.plane());
        return c;
    }

    private static double volumeCc(String name) {
        return SESSION.statistics(SESSION.set().roi(name).orElseThrow()).volumeCc();
    }

    private static SliceCanvas view(SlicePlane plane) {
        return viewer().sliceCanvases().stream().filter(c -> c.plane() == plane).findFirst().orElseThrow();
    }

    /** A mouse event at the pixel showing patient point p in the axial view. */
    private static Event at(Vector3 p, int stateMask) {
        return at(axial(), p, stateMask);
    }

    /** A mouse event at the pixel showing patient point p in a slice view. */
    private static Event at(SliceCanvas canvas, Vector3 p, int stateMask) {
        double[] px = canvas.viewport().patientToPixel(p);
        Event e = new Event();
        e.x = (int) Math.floor(px[0]);
        e.y = (int) Math.floor(px[1]);
        e.button = 1;
        e.stateMask = stateMask;
        return e;
    }

    private static void mouse(int type, Vector3 p) {
        mouse(axial(), type, p);
    }

    private static void mouse(SliceCanvas canvas, int type, Vector3 p) {
        canvas.control().notifyListeners(type, at(canvas, p, type == SWT.MouseMove ? SWT.BUTTON1 : 0));
    }

    /** The patient point a mouse event at p hits in a view (the centre of the pixel under it). */
    private static Vector3 hit(SliceCanvas canvas, Vector3 p) {
        Event e = at(canvas, p, 0);
        return canvas.viewport().pixelToPatient(e.x + 0.5, e.y + 0.5);
    }

    @BeforeAll
    static void noDialogs() {
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
        UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE); // unsaved edits: answered Discard, never silently
    }

    @AfterAll
    static void backToPlanning() {
        if (SESSION.isDirty()) { // a failed test left edits: reload the CT so that no question blocks later tests
            SeriesRecord ct = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                    .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst().orElseThrow();
            viewer().show(ct);
            spinUntil(() -> !SESSION.isDirty(), 120_000, "the CT reloaded without the edits");
        }
        ContouringMessages.setPresenter(null);
        UnsavedEdits.setDialogs(null);
        if (viewer() != null) {
            viewer().editor().setTool(SliceEditor.Tool.NAVIGATE);
        }
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
        if (viewer() != null) {
            assertFalse(viewer().contouringToolsShown(), "Planning shows fusion and IGRT rows, not the drawing tools");
        }
    }

    @Test
    @Order(1)
    void theContouringPerspectiveListsTheDemoStructuresWithVolumes() throws Exception {
        UiTestSupport.awaitStartup();
        SeriesRecord ct = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst().orElseThrow();
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_CONTOURING));
        spinUntil(() -> page().getPerspective().getId().equals(IsocenterUi.PERSPECTIVE_CONTOURING), 5_000,
                "the Contouring perspective");
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setSize(1600, 1000);
        StructuresView view = structures();
        assertNotNull(view, "the Structures view is part of the Contouring perspective");
        assertNotNull(viewer(), "the Image Viewer is part of the Contouring perspective");
        assertTrue(viewer().contouringToolsShown(), "the drawing tools replace the fusion and IGRT rows in Contouring");

        // a clean start whatever ran before: close the loaded patient, open the demo planning CT
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        spinUntil(() -> viewer().volume() == null && !SESSION.isLoaded(), 10_000, "the viewer to empty");
        viewer().show(ct);
        spinUntil(() -> viewer().volume() != null && SESSION.isLoaded() && SESSION.image() == viewer().volume(), 120_000,
                "the demo CT and its structures");
        assertEquals(DemoPatient.PATIENT, LoadedPatient.session().patient());
        assertNotNull(SESSION.importedFile(), "structures imported from the demo's RTSTRUCT");
        spinUntil(() -> view.table().getItemCount() == SESSION.set().rois().size(), 5_000, "the table");
        assertEquals(6, view.table().getItemCount());
        List<String> names = SESSION.set().rois().stream().map(Roi::name).toList();
        assertTrue(names.contains("CTV_Prostate"), names.toString());
        int ctvRow = names.indexOf("CTV_Prostate");
        var item = view.table().getItem(ctvRow);
        assertEquals("CTV", item.getText(2));
        assertEquals(volumeCc("CTV_Prostate"), Double.parseDouble(item.getText(3)), 0.005, "volume column (cc)");
        assertTrue(item.getChecked(), "visible");
        assertTrue(view.statusLine().contains("unchanged"), view.statusLine());
        spinUntil(() -> axial().viewport() != null, 10_000, "the axial view");
        screenshot("contouring-perspective.png");
    }

    @Test
    @Order(2)
    void addedStructureIsPaintedWithTheBrushAndByMouseOnTheAxialView() throws Exception {
        ContouringMessages.reset();
        StructuresView view = structures();
        Roi boost = view.addStructure("Boost", "GTV");
        assertEquals(7, view.table().getItemCount());
        assertEquals(boost.number(), SESSION.selected().orElseThrow().number(), "the new structure is the drawing target");
        assertTrue(view.table().getItem(6).getText(1).equals("Boost") && view.table().getSelectionIndex() == 6);

        Vector3 c = viewer().model().navigator().crosshairMm();
        double z = SESSION.sliceZ(c.z());
        SliceEditor editor = viewer().editor();
        editor.setBrushRadiusMm(BRUSH_MM);
        // a 20 mm straight stroke: a stadium of 2r x 20 mm plus a disc, on one 2.5 mm slab
        editor.stroke(SliceEditor.Tool.BRUSH, c.z(), new double[] { c.x() - 10, c.x(), c.x() + 10 },
                new double[] { c.y(), c.y(), c.y() });
        Roi painted = SESSION.set().roi("Boost").orElseThrow();
        double area = 2 * BRUSH_MM * 20 + Math.PI * BRUSH_MM * BRUSH_MM;
        assertEquals(area, SliceEdits.areaMm2(painted, z), area * 0.003);
        assertEquals(area * 2.5 / 1000, volumeCc("Boost"), area * 2.5 / 1000 * 0.003, "one slab of 2.5 mm");
        assertTrue(SESSION.isDirty());

        // the same by mouse: Brush tool, one click on the next slice paints a disc there
        viewer().model().navigator().scroll(SlicePlane.AXIAL, 1);
        viewer().model().changed();
        settle();
        Vector3 next = viewer().model().navigator().crosshairMm();
        double zNext = SESSION.sliceZ(next.z());
        assertEquals(z + 2.5, zNext, 1e-6);
        editor.setTool(SliceEditor.Tool.BRUSH);
        mouse(SWT.MouseDown, next);
        mouse(SWT.MouseUp, next);
        Roi clicked = SESSION.set().roi("Boost").orElseThrow();
        assertEquals(Math.PI * BRUSH_MM * BRUSH_MM, SliceEdits.areaMm2(clicked, zNext), Math.PI * BRUSH_MM * BRUSH_MM * 0.003);
        assertEquals(area, SliceEdits.areaMm2(clicked, z), area * 0.003, "the first slice is unchanged");

        // freehand by mouse: a 30 x 30 mm square outline dragged on the next slice adds its area (the disc is inside)
        editor.setTool(SliceEditor.Tool.OUTLINE);
        double h = 15;
        Vector3[] corners = { new Vector3(next.x() - h, next.y() - h, next.z()), new Vector3(next.x() + h, next.y() - h, next.z()),
                new Vector3(next.x() + h, next.y() + h, next.z()), new Vector3(next.x() - h, next.y() + h, next.z()) };
        mouse(SWT.MouseDown, corners[0]);
        for (int k = 1; k <= 4; k++) {
            Vector3 a = corners[k - 1], b = corners[k % 4];
            for (int s = 1; s <= 10; s++) {
                mouse(SWT.MouseMove, a.plus(b.minus(a).times(s / 10.0)));
            }
        }
        mouse(SWT.MouseUp, corners[0]);
        double mmPerPixel = axial().viewport().mmPerPixel();
        double square = 2 * h * 2 * h;
        assertEquals(square, SliceEdits.areaMm2(SESSION.set().roi("Boost").orElseThrow(), zNext), 4 * 2 * h * mmPerPixel,
                "a square traced to the pixel");

        // nudge by mouse: the slice's contours follow a 10 mm drag to the patient's left (+x)
        editor.setTool(SliceEditor.Tool.NUDGE);
        Roi beforeNudge = SESSION.set().roi("Boost").orElseThrow();
        mouse(SWT.MouseDown, next);
        for (int s = 1; s <= 5; s++) {
            mouse(SWT.MouseMove, next.plus(new Vector3(2.0 * s, 0, 0)));
        }
        mouse(SWT.MouseUp, next.plus(new Vector3(10, 0, 0)));
        Roi nudged = SESSION.set().roi("Boost").orElseThrow();
        double dx = slabCentreX(nudged, zNext) - slabCentreX(beforeNudge, zNext);
        assertEquals(10, dx, 1.5 * mmPerPixel, "moved by the drag (to the pixel)");
        assertEquals(slabCentreX(beforeNudge, z), slabCentreX(nudged, z), 1e-9, "the other slice stays");
        editor.setTool(SliceEditor.Tool.BRUSH);
        mouse(SWT.MouseMove, next);
        assertEquals(null, ContouringMessages.last());
        screenshot("contouring-brush-freehand-nudge.png");
        editor.setTool(SliceEditor.Tool.NAVIGATE);
    }

    private static double slabCentreX(Roi roi, double z) {
        Roi onlyPlane = new Roi(roi.number(), roi.name(), roi.colorRgb(), roi.interpretedType(), roi.contours().stream()
                .filter(c -> Math.abs(c.pointsMm().get(0).z() - z) < 0.01).toList());
        return StructureStatistics.of(new RoiSlabs(onlyPlane, 2.5)).centreOfMassMm().x();
    }

    @Test
    @Order(3)
    void undoAndRedoGoThroughTheWorkbenchHistoryAndTheEditCommands() throws Exception {
        IOperationHistory history = EditableStructures.history();
        double v4 = volumeCc("Boost");
        // four steps on Boost so far: stroke, click, freehand, nudge (nudge keeps the volume)
        history.undo(SESSION.undoContext(), null, null); // nudge
        assertEquals(v4, volumeCc("Boost"), 1e-9);
        history.undo(SESSION.undoContext(), null, null); // freehand
        double v2 = volumeCc("Boost");
        assertTrue(v2 < v4, v2 + " < " + v4);
        // Edit > Undo / Redo (Ctrl+Z / Ctrl+Y) with the Structures view active
        page().activate(structures());
        settle();
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("org.eclipse.ui.edit.undo", null); // click
        handlers.executeCommand("org.eclipse.ui.edit.undo", null); // stroke
        assertEquals(0, volumeCc("Boost"), 0, "back to the empty structure");
        assertTrue(SESSION.set().roi("Boost").orElseThrow().contours().isEmpty());
        handlers.executeCommand("org.eclipse.ui.edit.undo", null); // add
        assertTrue(SESSION.set().roi("Boost").isEmpty(), "undoing the add removes the structure");
        assertEquals(6, structures().table().getItemCount());
        // redo everything, the last two from the Image Viewer
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        assertEquals(v2, volumeCc("Boost"), 1e-9);
        page().activate(viewer());
        settle();
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        handlers.executeCommand("org.eclipse.ui.edit.redo", null);
        assertEquals(v4, volumeCc("Boost"), 1e-9);
        assertFalse(history.canRedo(SESSION.undoContext()));
        // Ctrl+Y redoes on every platform (GTK's default scheme has only Shift+Ctrl+Z), Ctrl+Z undoes
        var keys = PlatformUI.getWorkbench().getService(org.eclipse.ui.keys.IBindingService.class);
        var ctrlY = org.eclipse.jface.bindings.keys.KeySequence.getInstance("M1+Y");
        var ctrlZ = org.eclipse.jface.bindings.keys.KeySequence.getInstance("M1+Z");
        assertTrue(List.of(keys.getActiveBindingsFor("org.eclipse.ui.edit.redo")).contains(ctrlY),
                List.of(keys.getActiveBindingsFor("org.eclipse.ui.edit.redo")).toString());
        assertTrue(List.of(keys.getActiveBindingsFor("org.eclipse.ui.edit.undo")).contains(ctrlZ));
        // the Edit menu names the next undo step
        var edit = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar().getItem(1);
        assertEquals("Edit", edit.getText().replace("&", ""));
        assertTrue(history.getUndoOperation(SESSION.undoContext()).getLabel().startsWith("Nudge Boost"),
                history.getUndoOperation(SESSION.undoContext()).getLabel());
    }

    @Test
    @Order(4)
    void aFiveMillimetreMarginOnTheCtvMatchesTheContourBundleAndUndoes() throws Exception {
        StructuresView view = structures();
        Roi ctv = SESSION.set().roi("CTV_Prostate").orElseThrow();
        double ctvCc = volumeCc("CTV_Prostate");
        view.margin(ctv, Margins.isotropic(5), "PTV_5mm", "PTV").join();
        spinUntil(() -> SESSION.set().roi("PTV_5mm").isPresent() || ContouringMessages.last() != null, 60_000, "the margin");
        assertEquals(null, ContouringMessages.last());
        var expected = StructureMargins.apply(new RoiSlabs(ctv, SESSION.image().geometry().spacingZMm()),
                Margins.isotropic(5), SESSION.planes(), ProgressMonitor.NONE);
        Roi ptv = SESSION.set().roi("PTV_5mm").orElseThrow();
        assertEquals(expected, ptv.contours(), "the contours StructureMargins computes");
        double ptvCc = volumeCc("PTV_5mm");
        assertTrue(ptvCc > ctvCc * 1.3, ptvCc + " cc vs CTV " + ctvCc + " cc");
        assertEquals("PTV", ptv.interpretedType());
        // TG-263 defaults: the PTV's conventional colour, not the CTV's red
        assertArrayEquals(org.isocenter.contour.StructureDefaults.PTV_RGB, ptv.colorRgb());
        assertEquals(ptv.number(), SESSION.selected().orElseThrow().number());

        // PTV - CTV is the 5 mm shell: volumes subtract (the CTV lies inside the PTV)
        view.combine(ptv, StructureRecipe.Kind.SUBTRACTION, ctv, 0, 0, 0, "Shell", "CONTROL").join();
        spinUntil(() -> SESSION.set().roi("Shell").isPresent() || ContouringMessages.last() != null, 60_000, "the subtraction");
        assertEquals(ptvCc - ctvCc, volumeCc("Shell"), (ptvCc - ctvCc) * 0.01);

        IOperationHistory history = EditableStructures.history();
        history.undo(SESSION.undoContext(), null, null);
        history.undo(SESSION.undoContext(), null, null);
        assertTrue(SESSION.set().roi("PTV_5mm").isEmpty() && SESSION.set().roi("Shell").isEmpty());
        history.redo(SESSION.undoContext(), null, null);
        assertEquals(ptvCc, volumeCc("PTV_5mm"), 1e-12, "redo brings the same PTV back");
        history.redo(SESSION.undoContext(), null, null);
        screenshot("contouring-margin-ptv.png");
    }

    @Test
    @Order(5)
    void theMarginDialogPreviewsTheResultBeforeCreatingIt() throws Exception {
        SESSION.select(SESSION.set().roi("CTV_Prostate").orElseThrow().number());
        int before = SESSION.set().rois().size();
        MarginDialog dialog = new MarginDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), SESSION);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.preview();
            spinUntil(() -> SESSION.preview() != null, 60_000, "the preview");
            assertTrue(dialog.statusText().contains(" cc"), dialog.statusText());
            StructureSet shown = SESSION.displayed();
            assertEquals(before + 1, shown.rois().size(), "the preview is drawn with the structures");
            assertEquals(before, SESSION.set().rois().size(), "but not added");
            screenshot("contouring-margin-dialog-preview.png");
        } finally {
            dialog.close();
        }
        assertEquals(null, SESSION.preview(), "closing the dialog removes the preview");
    }

    @Test
    @Order(6)
    void interpolateFillsTheSlicesBetweenTwoDrawnSlices() throws Exception {
        StructuresView view = structures();
        Roi roi = view.addStructure("Interp", "ORGAN");
        Vector3 c = viewer().model().navigator().crosshairMm();
        double z0 = SESSION.sliceZ(c.z());
        SliceEditor editor = viewer().editor();
        editor.stroke(SliceEditor.Tool.BRUSH, z0, new double[] { c.x() }, new double[] { c.y() + 40 });
        editor.stroke(SliceEditor.Tool.BRUSH, z0 + 10, new double[] { c.x() + 4 }, new double[] { c.y() + 40 });
        assertEquals(2, SESSION.slabs(SESSION.set().roi("Interp").orElseThrow()).slabCount());
        view.interpolate(roi.number()).join();
        spinUntil(() -> SESSION.slabs(SESSION.set().roi("Interp").orElseThrow()).slabCount() == 5
                || ContouringMessages.last() != null, 30_000, "the interpolation");
        Roi filled = SESSION.set().roi("Interp").orElseThrow();
        // half-way between two discs of radius r with centres 2c = 4 mm apart, the mean of the two distances is zero
        // on the ellipse with those foci and semi-major axis r: area = pi r sqrt(r^2 - c^2)
        double ellipse = Math.PI * BRUSH_MM * Math.sqrt(BRUSH_MM * BRUSH_MM - 4);
        assertEquals(ellipse, SliceEdits.areaMm2(filled, z0 + 5), ellipse * 0.02);
        assertEquals(c.x() + 2, slabCentreX(filled, z0 + 5), 0.3);
        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        assertEquals(2, SESSION.slabs(SESSION.set().roi("Interp").orElseThrow()).slabCount(), "undo");
        EditableStructures.history().redo(SESSION.undoContext(), null, null);
        assertEquals(5, SESSION.slabs(SESSION.set().roi("Interp").orElseThrow()).slabCount(), "redo");
    }

    @Test
    @Order(7)
    void drawingOnTheSagittalAndCoronalViewsMakesAxialContours() throws Exception {
        ContouringMessages.reset();
        structures().addStructure("Seminal", "CTV");
        SliceEditor editor = viewer().editor();
        editor.setBrushRadiusMm(BRUSH_MM);
        double[] zs = SESSION.sliceZs();
        Vector3 c = viewer().model().navigator().crosshairMm().plus(new Vector3(0, 30, 0));
        SliceCanvas sagittal = view(SlicePlane.SAGITTAL), coronal = view(SlicePlane.CORONAL);

        // brush click on the sagittal view: a sphere; each axial slice within r of its centre gets a disc
        editor.setTool(SliceEditor.Tool.BRUSH);
        Vector3 centre = hit(sagittal, c);
        mouse(sagittal, SWT.MouseDown, c);
        mouse(sagittal, SWT.MouseUp, c);
        Roi sphere = SESSION.set().roi("Seminal").orElseThrow();
        int slices = 0;
        for (double z : zs) {
            double dz = z - centre.z();
            double disc = Math.abs(dz) < BRUSH_MM ? Math.PI * (BRUSH_MM * BRUSH_MM - dz * dz) : 0;
            assertEquals(disc, SliceEdits.areaMm2(sphere, z), Math.max(1e-9, disc * 0.003), "slice z " + z);
            slices += disc > 0 ? 1 : 0;
        }
        assertTrue(slices >= 4, slices + " slices of a 10 mm sphere on 2.5 mm slices");

        // freehand on the coronal view: a 30 mm (x) by 20 mm (z) rectangle, a slab 2r deep in y on each slice
        editor.setTool(SliceEditor.Tool.OUTLINE);
        Vector3 o = c.plus(new Vector3(0, 0, 20));
        Vector3[] corners = { o, o.plus(new Vector3(30, 0, 0)), o.plus(new Vector3(30, 0, 20)), o.plus(new Vector3(0, 0, 20)) };
        mouse(coronal, SWT.MouseDown, corners[0]);
        for (int k = 1; k <= 4; k++) {
            Vector3 a = corners[k - 1], b = corners[k % 4];
            for (int s = 1; s <= 10; s++) {
                mouse(coronal, SWT.MouseMove, a.plus(b.minus(a).times(s / 10.0)));
            }
        }
        mouse(coronal, SWT.MouseUp, corners[0]);
        Roi slab = SESSION.set().roi("Seminal").orElseThrow();
        double px = coronal.viewport().mmPerPixel();
        Vector3 low = hit(coronal, corners[0]), high = hit(coronal, corners[2]);
        int slabSlices = 0;
        for (double z : zs) {
            if (z > low.z() + px && z < high.z() - px) {
                assertEquals(30 * 2 * BRUSH_MM, SliceEdits.areaMm2(slab, z), 2 * 2 * BRUSH_MM * px, "slab slice z " + z);
                slabSlices++;
            }
        }
        assertTrue(slabSlices >= 6, slabSlices + " slices in a 20 mm high outline");
        assertEquals(SliceEdits.areaMm2(sphere, centre.z()), SliceEdits.areaMm2(slab, centre.z()), 1e-9,
                "the sphere's slices are untouched by the slab 20 mm above");

        // nudge on the sagittal view: the whole structure moves 10 mm posterior and whole slices up (a 10 mm drag)
        editor.setTool(SliceEditor.Tool.NUDGE);
        StructureStatistics before = SESSION.statistics(slab);
        Vector3 grab = c, drop = c.plus(new Vector3(0, 10, 10));
        mouse(sagittal, SWT.MouseDown, grab);
        for (int s = 1; s <= 5; s++) {
            mouse(sagittal, SWT.MouseMove, grab.plus(drop.minus(grab).times(s / 5.0)));
        }
        mouse(sagittal, SWT.MouseUp, drop);
        StructureStatistics after = SESSION.statistics(SESSION.set().roi("Seminal").orElseThrow());
        Vector3 moved = after.centreOfMassMm().minus(before.centreOfMassMm());
        assertEquals(0, moved.x(), 1e-9, "no move across the sagittal plane");
        assertEquals(10, moved.y(), 1.5 * sagittal.viewport().mmPerPixel(), "posterior by the drag");
        // whole slices: the drag's height as the pixels under the mouse give it (10 mm within a pixel or so), rounded
        double spacing = SESSION.image().geometry().spacingZMm();
        double dragged = hit(sagittal, drop).z() - hit(sagittal, grab).z();
        assertEquals(10, dragged, 1.5 * sagittal.viewport().mmPerPixel(), "the drag spans 10 mm up");
        assertEquals(Math.round(dragged / spacing) * spacing, moved.z(), 1e-6, "whole slices up (" + dragged + " mm dragged)");
        assertTrue(moved.z() >= spacing, "at least one slice up");
        assertEquals(before.volumeCc(), after.volumeCc(), before.volumeCc() * 1e-9, "a move keeps the volume");
        assertEquals(null, ContouringMessages.last());
        editor.setTool(SliceEditor.Tool.BRUSH);
        mouse(sagittal, SWT.MouseMove, c);
        screenshot("contouring-sagittal-coronal.png");

        // three undoable steps: nudge, slab, sphere
        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        assertEquals(before.volumeCc(), volumeCc("Seminal"), 1e-9);
        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        assertEquals(SESSION.statistics(sphere).volumeCc(), volumeCc("Seminal"), 1e-9);
        EditableStructures.history().redo(SESSION.undoContext(), null, null);
        EditableStructures.history().redo(SESSION.undoContext(), null, null);
        assertEquals(after.volumeCc(), volumeCc("Seminal"), 1e-9);
        editor.setTool(SliceEditor.Tool.NAVIGATE);
    }

    @Test
    @Order(8)
    void saveAsNewRtstructWritesReadsBackAndNeverOverwrites() throws Exception {
        StructuresView view = structures();
        Path imported = SESSION.importedFile();
        byte[] original = Files.readAllBytes(imported);
        Path proposed = StructureSetSaving.defaultFile(SESSION);
        assertEquals(imported.toAbsolutePath().getParent(), proposed.getParent(), "proposed beside the imported file");
        assertFalse(Files.exists(proposed));
        assertTrue(proposed.getFileName().toString().startsWith("RS_"), proposed.toString());

        Path folder = Files.createTempDirectory("contouring-save");
        Path file = folder.resolve("RS_edited.dcm");
        var saved = view.saveAs(file);
        assertTrue(Files.exists(file));
        StructureSet back = new StructureSetReader().read(file);
        assertEquals(SESSION.set().rois().size(), back.rois().size());
        for (String name : List.of("Boost", "PTV_5mm", "Shell", "CTV_Prostate")) {
            Roi r = back.roi(name).orElseThrow(() -> new AssertionError(name + " read back"));
            double cc = StructureStatistics.of(new RoiSlabs(r, 2.5)).volumeCc();
            assertEquals(volumeCc(name), cc, volumeCc(name) * 1e-3, name + " volume read back");
        }
        assertEquals(saved.sopInstanceUid(), saved.sopInstanceUid().trim());
        assertArrayEquals(original, Files.readAllBytes(imported), "the imported RTSTRUCT is untouched");
        assertFalse(SESSION.isDirty());
        settle();
        assertTrue(view.statusLine().contains("saved as RS_edited.dcm"), view.statusLine());

        long size = Files.size(file);
        assertThrows(IOException.class, () -> view.saveAs(file), "an existing file is refused");
        assertThrows(IOException.class, () -> view.saveAs(imported), "the imported file is refused");
        assertEquals(size, Files.size(file));
        assertArrayEquals(original, Files.readAllBytes(imported));
        screenshot("contouring-saved.png");
    }
    @Test
    @Order(9)
    void aSavedStructureSetOnceImportedIsShownWhenSelectedAndTheDefaultIsThePlans() throws Exception {
        StructuresView view = structures();
        int rois = SESSION.set().rois().size();
        Path folder = Files.createTempDirectory("contouring-import");
        view.saveAs(folder.resolve("RS_for_import.dcm"));
        PatientSession.get().add(new DicomFolderScanner().scan(folder, ProgressMonitor.NONE));
        try {
            SeriesRecord saved = PatientSession.get().indexes().stream().filter(i -> i.root().equals(folder))
                    .flatMap(i -> i.allSeries().stream()).filter(s -> s.modality().equals("RTSTRUCT")).findFirst()
                    .orElseThrow();
            SeriesRecord ct = PatientSession.get().imageSeriesFor(saved).orElseThrow();
            assertEquals(DemoPatient.PLANNING_SERIES_UID, ct.seriesInstanceUid(), "the saved set contours the planning CT");
            PatientBrowserView browser = (PatientBrowserView) page().findView(IsocenterUi.VIEW_PATIENT_BROWSER);
            settle(); // the browser lists the imported folder

            // selecting the saved RT Structure Set in the Patient Browser shows it with its CT
            browser.viewer().setSelection(new StructuredSelection(saved), true);
            // (the browser lists each series once, by UID: the selected row may hold an equal record of another scan)
            assertTrue(browser.viewer().getStructuredSelection().getFirstElement() instanceof SeriesRecord listed
                    && listed.seriesInstanceUid().equals(saved.seriesInstanceUid()), "listed and selected");
            spinUntil(() -> SESSION.isLoaded() && SESSION.importedFile() != null
                    && SESSION.importedFile().getFileName().toString().equals("RS_for_import.dcm"), 120_000,
                    "the saved structure set");
            assertEquals(rois, SESSION.set().rois().size(), "every structure saved is shown");
            assertTrue(SESSION.set().roi("Seminal").isPresent(), "the structure drawn on the sagittal view");
            assertEquals(ct.seriesInstanceUid(), viewer().volume().info().seriesInstanceUid());
            assertFalse(SESSION.isDirty());

            // selecting the CT: two structure sets reference it; the plan's is shown and the choice is explained
            browser.viewer().setSelection(new StructuredSelection(ct), true);
            String planName = Path.of(DemoPatient.RTSTRUCT_FILE).getFileName().toString();
            spinUntil(() -> SESSION.isLoaded() && SESSION.importedFile() != null
                    && SESSION.importedFile().getFileName().toString().equals(planName), 120_000,
                    "the plan's structure set");
            assertEquals(6, SESSION.set().rois().size(), "the demo's six structures");
            assertTrue(viewer().status() != null && viewer().status().contains("2 RT Structure Sets reference this image "
                    + "series; showing " + planName + " (the plan's)"), viewer().status());
            settle();
            assertTrue(viewer().loadNoteText().contains("2 RT Structure Sets"), "shown under the images: '"
                    + viewer().loadNoteText() + "'");
            screenshot("contouring-two-structure-sets.png");
        } finally {
            PatientSession.get().remove(folder);
        }
        assertTrue(PatientSession.get().indexes().stream().noneMatch(i -> i.root().equals(folder)));
    }
}
