/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.contour.Margins;
import org.isocenter.contour.StructureMargins;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.dose.DoseVolumeHistogram;
import org.isocenter.dose.DvhCalculator;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.MarginReport;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.views.DvhView;
import org.isocenter.ui.internal.views.ImageViewerView;
import org.isocenter.ui.internal.views.MarginPolicyView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The DVH view and the Margin Policy view's PTV preview in the real workbench (UI harness under Xvfb), on the demo
 * planning CT with its structures and RT Dose: curves and metrics equal {@link DvhCalculator}'s, structure edits
 * reach the DVH, messages for a structure partly outside the dose grid and for an image without dose; the PTV
 * preview equals {@link StructureMargins}' result for the policy's margins per axis, follows the margins, is
 * removed when unchecked, when the view closes and when the patient closes, and "Add as structure" is undoable.
 * Self-contained: it loads the demo CT itself, leaves no unsaved edits and the Planning perspective active.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DvhAndMarginPreviewWorkbenchTest {

    private static final EditableStructures SESSION = EditableStructures.get();

    private static DvhView dvh() {
        return (DvhView) page().findView(IsocenterUi.VIEW_DVH);
    }

    private static MarginPolicyView marginPolicy() throws Exception {
        return (MarginPolicyView) page().showView(IsocenterUi.VIEW_MARGIN_POLICY);
    }

    private static SeriesRecord series(String uid) {
        return PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(uid)).findFirst().orElseThrow();
    }

    private static void showPlanningCt() {
        viewer().show(series(DemoPatient.PLANNING_SERIES_UID));
        spinUntil(() -> viewer().volume() != null && SESSION.isLoaded() && SESSION.image() == viewer().volume()
                && viewer().volume().info().seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID), 120_000,
                "the demo CT and its structures");
    }

    private static DoseGrid dose() {
        return viewer().model().content().dose();
    }

    private static void waitForDvh(String name) {
        spinUntil(() -> dvh().isUpToDate() && dvh().histogram(name).isPresent(), 120_000, "the DVH of " + name);
    }

    private static double cell(String[] row, int column) {
        return Double.parseDouble(row[column]);
    }

    private static double volumeCc(List<Contour> contours) {
        Roi r = new Roi(999, "expected", new int[] { 1, 2, 3 }, "PTV", contours);
        return StructureStatistics.of(new RoiSlabs(r, SESSION.image().geometry().spacingZMm())).volumeCc();
    }

    @BeforeAll
    static void noDialogs() {
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
        UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE); // unsaved edits: answered Discard, never silently
    }

    @AfterAll
    static void cleanUp() {
        if (viewer() != null && (SESSION.isDirty() || !SESSION.isLoaded())) { // no unsaved edits for later tests
            showPlanningCt();
        }
        ContouringMessages.setPresenter(null);
        UnsavedEdits.setDialogs(null);
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
    }

    @Test
    @Order(1)
    void theDvhViewDrawsTheCheckedStructuresWithTheCalculatorsMetrics() throws Exception {
        UiTestSupport.awaitStartup();
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setSize(1600, 1000);
        assertNotNull(dvh(), "the DVH view is part of the Planning perspective");
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        spinUntil(() -> viewer().volume() == null && !SESSION.isLoaded(), 10_000, "the viewer to empty");
        settle();
        assertTrue(dvh().messageText().startsWith("No structures"), dvh().messageText());
        assertTrue(dvh().curveNames().isEmpty());
        showPlanningCt();
        assertNotNull(dose(), "the demo CT comes with its RT Dose");
        waitForDvh("CTV_Prostate");

        DvhView view = dvh();
        assertEquals(SESSION.set().rois().stream().map(Roi::name).toList(), view.structureNames());
        assertFalse(view.isChecked("BODY"), "EXTERNAL is not drawn by default");
        for (String name : List.of("CTV_Prostate", "Bladder", "Rectum", "FemoralHead_R", "FemoralHead_L")) {
            assertTrue(view.isChecked(name), name);
        }
        assertEquals(List.of("CTV_Prostate", "Bladder", "Rectum", "FemoralHead_R", "FemoralHead_L"), view.curveNames());

        Roi ctv = SESSION.set().roi("CTV_Prostate").orElseThrow();
        DoseVolumeHistogram expected = new DvhCalculator().calculate(SESSION.set(), ctv, dose(), ProgressMonitor.NONE);
        DoseVolumeHistogram shown = view.histogram("CTV_Prostate").orElseThrow();
        assertEquals(expected.meanDose(), shown.meanDose(), 1e-9, "Dmean (Gy) as DvhCalculator computes it");
        assertEquals(expected.doseAtVolumePercent(95), shown.doseAtVolumePercent(95), 1e-9, "D95 (Gy)");
        view.setVolumeAtDose(76);
        String[] row = view.metricsRow("CTV_Prostate");
        assertNotNull(row);
        List<String> headers = view.metricsHeaders();
        assertEquals("Dmean (Gy)", headers.get(3));
        assertEquals("D95 (Gy)", headers.get(6));
        assertEquals("V(76 Gy) (%)", headers.get(9));
        assertEquals(expected.structureVolumeCc(), cell(row, 1), 0.005, "volume (cc)");
        assertEquals(expected.minDose(), cell(row, 2), 0.005, "Dmin (Gy)");
        assertEquals(expected.meanDose(), cell(row, 3), 0.005, "Dmean (Gy)");
        assertEquals(expected.maxDose(), cell(row, 4), 0.005, "Dmax (Gy)");
        assertEquals(expected.doseAtVolumePercent(98), cell(row, 5), 0.005, "D98 (Gy)");
        assertEquals(expected.doseAtVolumePercent(95), cell(row, 6), 0.005, "D95 (Gy)");
        assertEquals(expected.doseAtVolumePercent(50), cell(row, 7), 0.005, "D50 (Gy)");
        assertEquals(expected.doseAtVolumePercent(2), cell(row, 8), 0.005, "D2 (Gy)");
        assertEquals(expected.volumePercentAtDose(76), cell(row, 9), 0.05, "V76Gy (%)");
        assertEquals(expected.volumeCcAtDose(76), cell(row, 10), 0.005, "V76Gy (cc)");
        assertTrue(expected.meanDose() > 70, "the CTV gets the prescription: " + expected.meanDose() + " Gy");

        // the curve: cumulative, 100 % at 0 Gy, falling to 0 past Dmax, x in Gy
        double[][] curve = view.curvePoints("CTV_Prostate");
        assertEquals(0, curve[0][0], 0);
        assertEquals(100, curve[1][0], 1e-6);
        assertEquals(0, curve[1][curve[1].length - 1], 1e-6);
        for (int i = 1; i < curve[1].length; i++) {
            assertTrue(curve[1][i] <= curve[1][i - 1] + 1e-9, "non-increasing at " + curve[0][i] + " Gy");
        }
        assertEquals(expected.volumePercentAtDose(curve[0][curve[0].length / 2]), curve[1][curve[1].length / 2], 1e-6);

        // mouse-over: the dose and volume under the cursor and each curve's volume at that dose
        settle();
        var xAxis = view.chart().getAxisSet().getXAxis(0);
        var yAxis = view.chart().getAxisSet().getYAxis(0);
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.x = xAxis.getPixelCoordinate(40);
        move.y = yAxis.getPixelCoordinate(50);
        view.chart().getPlotArea().getControl().notifyListeners(SWT.MouseMove, move);
        double cursorGy = xAxis.getDataCoordinate(move.x);
        String readout = view.readoutText();
        assertTrue(readout.startsWith(String.format(Locale.ROOT, "cursor %.2f Gy", cursorGy)), readout);
        assertTrue(readout.contains(String.format(Locale.ROOT, "CTV_Prostate V(%.2f Gy) %.1f %%", cursorGy,
                expected.volumePercentAtDose(cursorGy))), readout);

        // BODY reaches beyond the dose grid: the outside volume is reported
        view.setChecked("BODY", true);
        waitForDvh("BODY");
        DoseVolumeHistogram body = view.histogram("BODY").orElseThrow();
        assertTrue(body.partlyOutsideDoseGrid());
        String outside = String.format(Locale.ROOT, "%.2f cc", body.outsideDoseGridCc());
        assertTrue(view.messageText().contains("BODY lies partly outside the dose grid: " + outside), view.messageText());
        assertEquals(body.outsideDoseGridCc(), cell(view.metricsRow("BODY"), 11), 0.005);
        assertTrue(view.messageShown());
        // a 1280x800 screen: the view below the image viewer is low, and the message takes lines of it; the metrics
        // table still gets its header and three rows (GTK cannot fit a table's scrollbars into much less)
        page().bringToTop(view); // its tab on top of the folder it shares with the Margin Policy view
        var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1280, 800);
        settle();
        var table = view.metricsTable();
        int least = table.getHeaderHeight() + 3 * table.getItemHeight();
        assertTrue(table.getSize().y >= least, "metrics table " + table.getSize().y + " px high, at least " + least);
        screenshot("dvh-view-1280x800.png");
        shell.setSize(1600, 1000);
        settle();
        var ref = page().findViewReference(IsocenterUi.VIEW_DVH);
        page().setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        screenshot("dvh-view-maximized.png");
        page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        view.setChecked("BODY", false);
        spinUntil(() -> view.isUpToDate() && !view.curveNames().contains("BODY"), 10_000, "BODY unchecked");
        assertFalse(view.messageText().contains("BODY"), view.messageText());
        assertEquals("", view.messageText());
        assertFalse(view.messageShown(), "no message: its line takes no room");
        screenshot("dvh-view-planning.png");
    }

    @Test
    @Order(2)
    void aStructureEditReachesTheChecklistAndItsDvhIsComputed() throws Exception {
        DvhView view = dvh();
        Roi ctv = SESSION.set().roi("CTV_Prostate").orElseThrow();
        List<Contour> ptv = StructureMargins.apply(new RoiSlabs(ctv, SESSION.image().geometry().spacingZMm()),
                Margins.isotropic(7), SESSION.planes(), ProgressMonitor.NONE);
        int generation = view.generation();
        SESSION.add("Margin CTV_Prostate 7 mm", "PTV_7mm", "PTV", ptv); // an undoable structure edit
        spinUntil(() -> view.structureNames().contains("PTV_7mm"), 10_000, "the new structure in the checklist");
        assertTrue(view.isChecked("PTV_7mm"), "a new target is drawn");
        waitForDvh("PTV_7mm");
        assertTrue(view.generation() > generation);
        Roi added = SESSION.set().roi("PTV_7mm").orElseThrow();
        DoseVolumeHistogram expected = new DvhCalculator().calculate(SESSION.set(), added, dose(), ProgressMonitor.NONE);
        assertEquals(expected.meanDose(), view.histogram("PTV_7mm").orElseThrow().meanDose(), 1e-9);
        assertEquals(expected.doseAtVolumePercent(95), cell(view.metricsRow("PTV_7mm"), 6), 0.005);
        assertTrue(view.curveNames().contains("PTV_7mm"));
        assertTrue(expected.doseAtVolumePercent(95) < view.histogram("CTV_Prostate").orElseThrow().doseAtVolumePercent(95),
                "the PTV reaches into the fall-off: its D95 is below the CTV's");

        // the DVH view is also part of the Contouring perspective
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_CONTOURING));
        spinUntil(() -> page().getPerspective().getId().equals(IsocenterUi.PERSPECTIVE_CONTOURING), 5_000, "Contouring");
        assertNotNull(page().findView(IsocenterUi.VIEW_DVH), "the DVH view in Contouring");
        page().showView(IsocenterUi.VIEW_DVH);
        screenshot("dvh-view-contouring.png");
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));

        // undo removes the structure from the checklist and the curves
        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        spinUntil(() -> view.isUpToDate() && !view.structureNames().contains("PTV_7mm"), 10_000, "the undone structure gone");
        assertFalse(view.curveNames().contains("PTV_7mm"));
        assertNull(view.metricsRow("PTV_7mm"));
    }

    @Test
    @Order(3)
    void theMarginPolicyPreviewIsTheContourBundlesPtvAndFollowsTheMargins() throws Exception {
        MarginPolicyView view = marginPolicy();
        assertEquals(List.of("CTV_Prostate"), view.targetNames());
        assertEquals("CTV_Prostate", view.target().name(), "the first CTV by default");
        view.selectSite("prostate");
        view.setErrors(new AxisValues(2, 2, 3), new AxisValues(2, 2, 2));
        view.compute();
        spinUntil(() -> view.lastReport() != null, 60_000, "the margins");
        int before = SESSION.set().rois().size();
        view.setPreviewEnabled(true);
        spinUntil(() -> view.previewRoi() != null, 120_000, "the PTV preview");
        MarginReport report = view.lastReport();
        AxisValues m = report.margin();
        Margins expectedMargins = new Margins(m.lr(), m.lr(), m.ap(), m.ap(), m.si(), m.si());
        assertEquals(expectedMargins, view.previewMargins());
        Roi ctv = SESSION.set().roi("CTV_Prostate").orElseThrow();
        List<Contour> expected = StructureMargins.apply(new RoiSlabs(ctv, SESSION.image().geometry().spacingZMm()),
                expectedMargins, SESSION.planes(), ProgressMonitor.NONE);
        assertEquals(expected, view.previewRoi().contours(), "the contours StructureMargins computes");
        double expectedCc = volumeCc(expected);
        assertEquals(expectedCc, view.previewVolumeCc(), 1e-9);
        assertTrue(view.previewText().contains(String.format(Locale.ROOT, "%.2f cc", expectedCc)), view.previewText());
        assertTrue(view.previewText().contains(String.format(Locale.ROOT, "CTV_Prostate %.2f cc",
                SESSION.statistics(ctv).volumeCc())), view.previewText());
        assertSame(view.previewRoi(), SESSION.preview(), "the contouring preview shows it on the image views");
        assertEquals(before + 1, SESSION.displayed().rois().size(), "drawn with the structures");
        assertEquals(before, SESSION.set().rois().size(), "but not added");
        assertEquals(before + 1, viewer().model().scene().structures().orElseThrow().rois().size(), "in the MPR scene");
        screenshot("margin-policy-ptv-preview.png");

        // larger set-up errors: larger margins, the preview follows
        double firstCc = view.previewVolumeCc();
        view.setErrors(new AxisValues(4, 4, 4), new AxisValues(3, 3, 3));
        view.compute();
        spinUntil(() -> view.lastReport() != report && view.previewMargins() != null
                && !view.previewMargins().equals(expectedMargins), 120_000, "the preview for the new margins");
        AxisValues m2 = view.lastReport().margin();
        Margins second = new Margins(m2.lr(), m2.lr(), m2.ap(), m2.ap(), m2.si(), m2.si());
        assertEquals(second, view.previewMargins());
        assertEquals(volumeCc(StructureMargins.apply(new RoiSlabs(ctv, SESSION.image().geometry().spacingZMm()), second,
                SESSION.planes(), ProgressMonitor.NONE)), view.previewVolumeCc(), 1e-9);
        assertTrue(view.previewVolumeCc() > firstCc, view.previewVolumeCc() + " > " + firstCc);

        // unchecked: gone from the image views
        view.setPreviewEnabled(false);
        assertNull(view.previewRoi());
        assertNull(SESSION.preview());
        assertEquals(before, SESSION.displayed().rois().size());
        settle();
        assertEquals(before, viewer().model().scene().structures().orElseThrow().rois().size());
    }

    @Test
    @Order(4)
    void addAsStructureIsOneUndoableStep() throws Exception {
        MarginPolicyView view = marginPolicy();
        view.setPreviewEnabled(true);
        spinUntil(() -> view.previewRoi() != null, 120_000, "the PTV preview");
        List<Contour> previewed = view.previewRoi().contours();
        double cc = view.previewVolumeCc();
        int before = SESSION.set().rois().size();
        Roi added = view.addAsStructure();
        assertNotNull(added, "added from the current preview");
        assertEquals(before + 1, SESSION.set().rois().size());
        Roi inSet = SESSION.set().roi(added.name()).orElseThrow();
        assertEquals("PTV_Prostate", inSet.name());
        assertEquals("PTV", inSet.interpretedType());
        assertEquals(previewed, inSet.contours());
        assertEquals(cc, SESSION.statistics(inSet).volumeCc(), 1e-9);
        assertNull(SESSION.preview(), "the preview gives way to the structure");
        assertTrue(EditableStructures.history().getUndoOperation(SESSION.undoContext()).getLabel().startsWith("Margin policy"));
        waitForDvh("PTV_Prostate"); // and the DVH view draws it
        screenshot("margin-policy-ptv-added.png");

        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        assertTrue(SESSION.set().roi("PTV_Prostate").isEmpty(), "undo removes it");
        assertEquals(before, SESSION.set().rois().size());
        EditableStructures.history().redo(SESSION.undoContext(), null, null);
        assertEquals(previewed, SESSION.set().roi("PTV_Prostate").orElseThrow().contours(), "redo brings it back");
        EditableStructures.history().undo(SESSION.undoContext(), null, null);
        assertTrue(SESSION.set().roi("PTV_Prostate").isEmpty());
    }

    @Test
    @Order(5)
    void thePreviewDisappearsWhenTheViewOrThePatientCloses() throws Exception {
        MarginPolicyView view = marginPolicy();
        view.setPreviewEnabled(true);
        spinUntil(() -> view.previewRoi() != null, 120_000, "the PTV preview");
        assertSame(view.previewRoi(), SESSION.preview());
        // closed: in every open perspective (hidden in one, a view open in another lives on there, preview and all)
        var shownIn = page().getPerspective();
        for (var open : page().getOpenPerspectives()) {
            page().setPerspective(open);
            var ref = page().findViewReference(IsocenterUi.VIEW_MARGIN_POLICY);
            if (ref != null) {
                page().hideView(ref);
            }
        }
        page().setPerspective(shownIn);
        settle();
        assertNull(SESSION.preview(), "closing the Margin Policy view removes its preview");

        MarginPolicyView reopened = marginPolicy();
        reopened.selectSite("prostate");
        reopened.compute();
        spinUntil(() -> reopened.lastReport() != null, 60_000, "the margins");
        reopened.setPreviewEnabled(true);
        spinUntil(() -> reopened.previewRoi() != null, 120_000, "the PTV preview");
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        spinUntil(() -> !SESSION.isLoaded(), 10_000, "the patient closed");
        settle();
        assertNull(SESSION.preview());
        assertNull(reopened.previewRoi(), "Close Patient removes the preview");
        assertTrue(reopened.targetNames().isEmpty());
        assertTrue(reopened.previewText().startsWith("No structure set loaded"), reopened.previewText());

        // an image without dose (a daily CBCT of another Frame of Reference): the DVH view says so
        var spec = DemoPatient.DAILY_IMAGES.get(0);
        viewer().show(series(DemoPatient.dailySeriesUid(spec.fraction())));
        spinUntil(() -> SESSION.isLoaded() && viewer().volume() != null && SESSION.image() == viewer().volume(), 120_000,
                "the daily image");
        spinUntil(() -> dvh().isUpToDate() && dvh().messageText().startsWith("No dose loaded"), 10_000,
                "the no-dose message");
        assertTrue(dvh().curveNames().isEmpty());
        showPlanningCt();
        waitForDvh("CTV_Prostate");
        assertEquals("", dvh().messageText(), "a dose in Gy, every checked structure inside the grid");
        settle();
        assertTrue(reopened.targetNames().contains("CTV_Prostate"), reopened.targetNames().toString());
        assertEquals("", reopened.previewText(), "no stale 'no structure set' / 'no target' reason once targets are back");
    }
}
