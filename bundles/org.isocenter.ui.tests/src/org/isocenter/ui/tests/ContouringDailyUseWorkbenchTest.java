/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.*;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.contour.SliceEdits;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.render.SlicePlane;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.MarginDialog;
import org.isocenter.ui.internal.contouring.SliceEditor;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.viewer.SliceCanvas;
import org.isocenter.ui.internal.views.StructuresView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Contouring as a dosimetrist uses it all day (issue: the workbench in daily use), on the demo planning CT:
 * TG-263 defaults (GTV_Boost is a GTV, a PTV by margin gets the PTV colour, not the CTV's, previews in a colour no
 * structure uses), structures drawn on two slices show and count on those two only until Interpolate, Ctrl+Z /
 * Ctrl+Y / Shift+Ctrl+Z typed with the image canvas focused after a brush stroke, and File ▸ Exit or closing the
 * window with unsaved edits asking Save / Discard / Cancel (the real dialog shown once, then answered by a stand-in).
 * Screenshots at 1600x1000 and 1280x800.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContouringDailyUseWorkbenchTest {

    private static final EditableStructures SESSION = EditableStructures.get();
    private static final double BRUSH_MM = 5;

    private static StructuresView structures() {
        return (StructuresView) page().findView(IsocenterUi.VIEW_STRUCTURES);
    }

    private static SliceCanvas axial() {
        SliceCanvas c = viewer().sliceCanvases().get(0);
        assertEquals(SlicePlane.AXIAL, c.plane());
        return c;
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    private static double volumeCc(String name) {
        return SESSION.statistics(SESSION.set().roi(name).orElseThrow()).volumeCc();
    }

    /** Both sizes: the workbench window at 1600x1000 and at 1280x800. */
    private static void screenshots(String name) throws Exception {
        window().setSize(1600, 1000);
        settle();
        screenshot(name + "-1600x1000.png");
        window().setSize(1280, 800);
        settle();
        screenshot(name + "-1280x800.png");
        window().setSize(1600, 1000);
        settle();
    }

    @BeforeAll
    static void openTheDemoCtInContouring() throws Exception {
        UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE);
        UiTestSupport.awaitStartup();
        SeriesRecord ct = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst().orElseThrow();
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_CONTOURING));
        window().setSize(1600, 1000);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        spinUntil(() -> viewer().volume() == null && !SESSION.isLoaded(), 10_000, "the viewer to empty");
        viewer().show(ct);
        spinUntil(() -> viewer().volume() != null && SESSION.isLoaded() && SESSION.image() == viewer().volume(), 120_000,
                "the demo CT and its structures");
        spinUntil(() -> axial().viewport() != null, 10_000, "the axial view");
        assertFalse(SESSION.isDirty());
    }

    @AfterAll
    static void cleanUp() {
        UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE);
        if (SESSION.isDirty()) { // reload the CT so that no question blocks later tests
            SeriesRecord ct = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                    .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst().orElseThrow();
            viewer().show(ct);
            spinUntil(() -> !SESSION.isDirty(), 120_000, "the CT reloaded without the edits");
        }
        UnsavedEdits.setDialogs(null);
        viewer().editor().setTool(SliceEditor.Tool.NAVIGATE);
        window().setSize(1600, 1000);
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
    }

    @Test
    @Order(1)
    void aGtvBoostDrawnOnTwoSlicesIsAGtvInItsOwnColourAndShowsOnlyWhereDrawnUntilInterpolated() throws Exception {
        StructuresView view = structures();
        // the Add dialog's type: the name says it (TG-263), not ORGAN
        assertEquals("GTV", StructureDefaults.typeFor("GTV_Boost"));
        Roi boost = view.addStructure("GTV_Boost", StructureDefaults.typeFor("GTV_Boost"));
        assertEquals("GTV", boost.interpretedType());
        for (Roi other : SESSION.set().rois()) {
            if (other.number() != boost.number()) {
                assertTrue(StructureDefaults.distance(boost.colorRgb(), other.colorRgb()) >= StructureDefaults.MIN_DISTANCE,
                        "GTV_Boost " + Arrays.toString(boost.colorRgb()) + " looks like " + other.name());
            }
        }

        Vector3 c = viewer().model().navigator().crosshairMm();
        double z0 = SESSION.sliceZ(c.z());
        double spacing = SESSION.image().geometry().spacingZMm();
        double z1 = SESSION.sliceZ(z0 + 4 * spacing);
        SliceEditor editor = viewer().editor();
        editor.setBrushRadiusMm(BRUSH_MM);
        editor.stroke(SliceEditor.Tool.BRUSH, z0, new double[] { c.x() }, new double[] { c.y() + 40 });
        editor.stroke(SliceEditor.Tool.BRUSH, z1, new double[] { c.x() }, new double[] { c.y() + 40 });
        Roi drawn = SESSION.set().roi("GTV_Boost").orElseThrow();
        RoiSlabs slabs = SESSION.slabs(drawn);
        assertEquals(2, slabs.slabCount());
        assertEquals(spacing / 2, slabs.halfThicknessMm(), 1e-9, "a drawn slice covers its own slice only");
        assertEquals(-1, slabs.slabAt(z0 + 2 * spacing), "nothing on a slice never drawn");
        // what the image views draw: the same slabs (render bundle, SliceScene)
        assertEquals(-1, RoiSlabs.onImage(drawn, SESSION.image().geometry()).slabAt(z0 + spacing));
        double disc = Math.PI * BRUSH_MM * BRUSH_MM;
        double drawnCc = 2 * disc * spacing / 1000;
        assertEquals(drawnCc, volumeCc("GTV_Boost"), drawnCc * 0.01, "the volume is that of the two drawn slices");
        int row = SESSION.set().rois().indexOf(drawn);
        spinUntil(() -> view.table().getItem(row).getText(4).equals("2"), 5_000, "the table's slice count");
        assertEquals(drawnCc, Double.parseDouble(view.table().getItem(row).getText(3)), 0.006);

        // the slice between shows nothing: screenshot there
        viewer().model().navigator().scroll(SlicePlane.AXIAL, 2);
        viewer().model().changed();
        screenshots("daily-use-drawn-slices-only");

        view.interpolate(drawn.number()).join();
        spinUntil(() -> SESSION.slabs(SESSION.set().roi("GTV_Boost").orElseThrow()).slabCount() == 5, 30_000,
                "the interpolation");
        assertEquals(5 * disc * spacing / 1000, volumeCc("GTV_Boost"), 5 * disc * spacing / 1000 * 0.02,
                "interpolated: five slices of the same disc");
        settle();
        screenshots("daily-use-interpolated");
        viewer().model().navigator().scroll(SlicePlane.AXIAL, -2);
        viewer().model().changed();
    }

    @Test
    @Order(2)
    void aMarginOnTheCtvProposesAPtvInThePtvColourAndPreviewsInAColourNoStructureUses() throws Exception {
        Roi ctv = SESSION.set().roi("CTV_Prostate").orElseThrow();
        SESSION.select(ctv.number());
        MarginDialog dialog = new MarginDialog(window(), SESSION);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Text name = controls(dialog.getShell(), Text.class).stream().filter(t -> t.getText().startsWith("PTV")).findFirst()
                    .orElseThrow(() -> new AssertionError("a PTV name proposed"));
            assertEquals("PTV_Prostate", name.getText(), "TG-263: CTV_Prostate grows into PTV_Prostate");
            Combo type = controls(dialog.getShell(), Combo.class).stream().filter(cb -> EditableStructures.TYPES.contains(cb.getText())
                    && cb.getItemCount() == EditableStructures.TYPES.size()).findFirst().orElseThrow();
            assertEquals("PTV", type.getText());

            dialog.preview();
            spinUntil(() -> dialog.statusText().startsWith("Preview of"), 60_000, "the preview");
            Roi shown = SESSION.displayed().rois().get(SESSION.displayed().rois().size() - 1);
            assertArrayEquals(SESSION.previewColour(), shown.colorRgb());
            for (Roi r : SESSION.set().rois()) {
                assertTrue(StructureDefaults.distance(shown.colorRgb(), r.colorRgb()) >= StructureDefaults.MIN_DISTANCE,
                        "the preview " + Arrays.toString(shown.colorRgb()) + " looks like " + r.name());
            }
            screenshot(dialog.getShell(), "daily-use-margin-preview-dialog.png");
            screenshots("daily-use-margin-preview");

            Button create = controls(dialog.getShell(), Button.class).stream().filter(b -> b.getText().equals("Create"))
                    .findFirst().orElseThrow();
            create.notifyListeners(SWT.Selection, new Event());
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        spinUntil(() -> SESSION.set().roi("PTV_Prostate").isPresent(), 60_000, "the PTV");
        Roi ptv = SESSION.set().roi("PTV_Prostate").orElseThrow();
        assertEquals("PTV", ptv.interpretedType());
        assertArrayEquals(StructureDefaults.PTV_RGB, ptv.colorRgb(), "the PTV colour, not the CTV's");
        assertTrue(StructureDefaults.distance(ptv.colorRgb(), ctv.colorRgb()) >= StructureDefaults.MIN_DISTANCE);
        assertEquals(null, SESSION.preview(), "the preview goes with the dialog");
    }

    @Test
    @Order(3)
    void ctrlZCtrlYAndShiftCtrlZWorkWithTheImageFocusedAfterABrushStroke() throws Exception {
        IBindingService keys = PlatformUI.getWorkbench().getService(IBindingService.class);
        List<?> redo = List.of(keys.getActiveBindingsFor("org.eclipse.ui.edit.redo"));
        // Ctrl+Y: a binding where the platform's scheme allows it, else the image's own key handling (typed below)
        assertTrue(redo.contains(KeySequence.getInstance("M1+M2+Z")), "Shift+Ctrl+Z redoes: " + redo);
        assertTrue(List.of(keys.getActiveBindingsFor("org.eclipse.ui.edit.undo")).contains(KeySequence.getInstance("M1+Z")));

        Roi boost = SESSION.set().roi("GTV_Boost").orElseThrow();
        SESSION.select(boost.number());
        page().activate(viewer());
        SliceEditor editor = viewer().editor();
        editor.setTool(SliceEditor.Tool.BRUSH);
        Vector3 p = viewer().model().navigator().crosshairMm().plus(new Vector3(-40, 0, 0));
        double z = SESSION.sliceZ(p.z());
        SliceCanvas canvas = axial();
        window().forceActive(); // the posted key events go to the X server's focused window
        settle();
        canvas.control().setFocus();
        StructureSet before = SESSION.set();
        mouse(canvas, SWT.MouseDown, p);
        mouse(canvas, SWT.MouseUp, p);
        StructureSet after = SESSION.set();
        assertTrue(after != before && SliceEdits.areaMm2(after.roi("GTV_Boost").orElseThrow(), z) > 0, "the stroke");
        assertTrue(canvas.control().isFocusControl() || canvas.control().forceFocus(), "the image has the focus");
        assertSame(viewer(), page().getActivePart());

        List<String> arrived = new ArrayList<>(); // what reached the application (diagnosis when a key does nothing)
        org.eclipse.swt.widgets.Listener seen = e -> arrived.add(e.widget.getClass().getSimpleName() + ":" + e.keyCode
                + (e.stateMask != 0 ? "+" + e.stateMask : ""));
        Display.getCurrent().addFilter(SWT.KeyDown, seen);
        try {
            key(SWT.CTRL, 'z');
            spinUntil(() -> SESSION.set() == before, 5_000, "Ctrl+Z on the image to undo the stroke (keys seen: " + arrived
                    + ", focus " + Display.getCurrent().getFocusControl() + ")");
        } finally {
            Display.getCurrent().removeFilter(SWT.KeyDown, seen);
        }
        key(SWT.CTRL, 'y');
        spinUntil(() -> SESSION.set() == after, 5_000, "Ctrl+Y on the image to redo the stroke");
        key(SWT.CTRL, 'z');
        spinUntil(() -> SESSION.set() == before, 5_000, "Ctrl+Z again");
        key(SWT.CTRL | SWT.SHIFT, 'z');
        spinUntil(() -> SESSION.set() == after, 5_000, "Shift+Ctrl+Z on the image to redo the stroke");
        editor.setTool(SliceEditor.Tool.NAVIGATE);
    }

    @Test
    @Order(4)
    void exitAndClosingTheWindowAskSaveDiscardCancelAboutUnsavedEdits() throws Exception {
        assertTrue(SESSION.isDirty(), "the earlier tests' edits are not saved");
        // the real question, shown once: closing it (Escape / close box) is Cancel
        Display display = Display.getCurrent();
        List<Shell> seen = new ArrayList<>();
        display.timerExec(1500, () -> {
            Shell dialog = Arrays.stream(display.getShells()).filter(sh -> sh != window() && sh.isVisible())
                    .findFirst().orElse(null);
            if (dialog != null) {
                seen.add(dialog);
                try {
                    screenshot(dialog, "daily-use-exit-question.png");
                    screenshot("daily-use-exit-question-window.png");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                dialog.close();
            }
        });
        assertEquals(UnsavedEdits.Choice.CANCEL, UnsavedEdits.WORKBENCH.ask("Exit", "The structure edits are not saved."));
        assertEquals(1, seen.size(), "the question was shown");

        // File > Exit: Cancel keeps the workbench and the edits
        DiscardingDialogs cancel = new DiscardingDialogs(UnsavedEdits.Choice.CANCEL, null);
        UnsavedEdits.setDialogs(cancel);
        assertFalse(PlatformUI.getWorkbench().close(), "Cancel keeps the workbench running");
        assertEquals(1, cancel.asked.size(), cancel.asked.toString());
        assertTrue(cancel.asked.get(0).startsWith("Exit: "));
        assertTrue(SESSION.isDirty() && PlatformUI.isWorkbenchRunning());
        // closing the window: the same question, Cancel keeps the window
        window().close();
        settle();
        assertEquals(2, cancel.asked.size(), "closing the window asks too");
        assertFalse(window().isDisposed());

        // Save: a new RTSTRUCT with every structure, then Exit may go on
        Path folder = Files.createTempDirectory("isocenter-exit-save");
        Path file = folder.resolve("RS_exit.dcm");
        DiscardingDialogs save = new DiscardingDialogs(UnsavedEdits.Choice.SAVE, file);
        UnsavedEdits.setDialogs(save);
        int structureCount = SESSION.set().rois().size();
        assertTrue(UnsavedEdits.resolveForExit(SESSION));
        assertTrue(Files.exists(file) && !SESSION.isDirty());
        assertEquals(structureCount, new StructureSetReader().read(file).rois().size());
        assertTrue(UnsavedEdits.resolveForExit(SESSION), "nothing left to ask");
        assertEquals(1, save.asked.size());
        // saving into an existing file is refused and cancels the exit
        structures().setColour(SESSION.set().roi("GTV_Boost").orElseThrow().number(), new int[] { 250, 250, 250 });
        assertFalse(UnsavedEdits.resolveForExit(SESSION), "an existing file: not overwritten, exit cancelled");
        assertEquals(1, save.failures.size());
        assertTrue(SESSION.isDirty());

        // Discard: exit may go on; closing the window then shutting down asks once
        DiscardingDialogs discard = new DiscardingDialogs(UnsavedEdits.Choice.DISCARD, null);
        UnsavedEdits.setDialogs(discard);
        assertTrue(UnsavedEdits.resolveForExit(SESSION));
        assertTrue(UnsavedEdits.resolveForExit(SESSION));
        assertEquals(1, discard.asked.size(), "one exit, one question");
        // no test-only switch drops edits: with the property set, the stand-in is still asked
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
        try {
            UnsavedEdits.setDialogs(cancel);
            assertFalse(SESSION.confirmDiscard("Close Patient"), "the property does not discard edits");
        } finally {
            ContouringMessages.setPresenter(null);
            UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE);
        }
        EditableStructures.history().undo(SESSION.undoContext(), null, null); // the colour change
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Types a key with modifiers through the display (as the keyboard would), to the focus control. */
    /**
     * A key typed on the focused control as the window system delivers it (KeyDown, KeyUp with the modifiers in the
     * state mask and the control character of Ctrl+letter), through the display's filters: the workbench's key
     * bindings see it as they see a real key. (Events posted to the X server do not reach a window that has no window
     * manager to give it the input focus, as under Xvfb.)
     */
    private static void key(int modifiers, char key) throws InterruptedException {
        Display display = Display.getCurrent();
        org.eclipse.swt.widgets.Control focus = display.getFocusControl();
        assertTrue(focus != null, "a focused control");
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event e = new Event();
            e.type = type;
            e.widget = focus;
            e.display = display;
            e.keyCode = key;
            e.character = (modifiers & SWT.CTRL) != 0 ? (char) (key - 'a' + 1) : key;
            e.stateMask = modifiers;
            focus.notifyListeners(type, e);
        }
        settle();
    }

    private static void mouse(SliceCanvas canvas, int type, Vector3 p) {
        double[] px = canvas.viewport().patientToPixel(p);
        Event e = new Event();
        e.x = (int) Math.floor(px[0]);
        e.y = (int) Math.floor(px[1]);
        e.button = 1;
        e.stateMask = type == SWT.MouseMove ? SWT.BUTTON1 : 0;
        canvas.control().notifyListeners(type, e);
    }
}
