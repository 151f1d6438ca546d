/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.Command;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.render.SlicePlane;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.help.AboutDialog;
import org.isocenter.ui.internal.help.HelpHandler;
import org.isocenter.ui.internal.help.HelpTopic;
import org.isocenter.ui.internal.help.HelpWindow;
import org.isocenter.ui.internal.viewer.SliceCanvas;
import org.isocenter.ui.internal.views.DvhView;
import org.isocenter.ui.internal.views.MarginPolicyView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Layout, overlays, help and DVH display in the real workbench: the Registration / IGRT
 * perspective gives the images at least 60 % of a 1280x800 window (63 % measured: the left column folded away, the
 * image viewer without a title tab, display and fusion controls in one row, the readout in the status line; the share
 * at 1600x1000 printed); the couch table and the Margin
 * Policy's buttons lie inside their parents at 1280x800; the couch status and the views' Frame of Reference have
 * tooltips with the full text; the isodose legend sits below the header and goes when isodoses are off; the Help
 * menu's pages open (user guide, couch conventions, shortcuts) and About is not clipped; the DVH's Gy / % toggle
 * with the prescription line and its CSV export. Screenshots at 1280x800 and 1600x1000.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutAndHelpWorkbenchTest {

    private static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    private static void size(int w, int h) throws InterruptedException {
        shell().setMaximized(false);
        shell().setBounds(0, 0, w, h);
        settle();
    }

    private static void perspective(String id) throws InterruptedException {
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(id));
        settle();
    }

    private static SeriesRecord series(String uid) {
        return PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(uid)).findFirst().orElseThrow();
    }

    private static void showPlanningCt() {
        UiTestSupport.awaitStartup();
        if (viewer().volume() == null
                || !viewer().volume().info().seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)) {
            viewer().show(series(DemoPatient.PLANNING_SERIES_UID));
        }
        spinUntil(() -> viewer().volume() != null && EditableStructures.get().isLoaded(), 120_000, "the demo CT");
    }

    /** A control's bounds in display coordinates. */
    private static Rectangle onDisplay(Control c) {
        Point p = c.toDisplay(0, 0);
        Point s = c.getSize();
        return new Rectangle(p.x, p.y, s.x, s.y);
    }

    /** Whether the control lies wholly inside its parent's client area (and is not zero-sized). */
    private static boolean inside(Control c) {
        Rectangle parent = onDisplay(c.getParent());
        Rectangle r = onDisplay(c);
        return r.width > 0 && r.height > 0 && parent.contains(r.x, r.y)
                && parent.contains(r.x + r.width - 1, r.y + r.height - 1);
    }

    /** The slice and 3D views' area as a share of the window's. */
    private static double imageShare() {
        long images = 0;
        for (SliceCanvas c : viewer().sliceCanvases()) {
            Point s = c.control().getSize();
            images += (long) s.x * s.y;
        }
        Point s3 = viewer().surfaceCanvas().control().getSize();
        images += (long) s3.x * s3.y;
        Point w = shell().getSize();
        return images / (double) ((long) w.x * w.y);
    }

    @BeforeAll
    static void noDialogs() {
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
    }

    @AfterAll
    static void restore() throws Exception {
        ContouringMessages.setPresenter(null);
        perspective(IsocenterUi.PERSPECTIVE_PLANNING);
        size(1600, 1000);
    }

    @Test
    @Order(1)
    void theWindowStartsMaximisedAndThePerspectiveBarShowsNames() {
        Shell s = shell();
        Rectangle work = s.getMonitor().getClientArea();
        assertTrue(s.getMaximized() || s.getSize().x >= work.width && s.getSize().y >= work.height,
                "the window opens maximised (or fills the work area): " + s.getBounds() + " of " + work);
        assertTrue(PlatformUI.getPreferenceStore().getBoolean("SHOW_TEXT_ON_PERSPECTIVE_BAR"),
                "perspective names show on the perspective bar");
    }

    @Test
    @Order(2)
    void theIgrtPerspectiveGivesTheImagesSixtyPercentAt1280x800() throws Exception {
        perspective(IsocenterUi.PERSPECTIVE_REGISTRATION);
        showPlanningCt();
        SeriesRecord cbct = viewer().secondaryCandidates().stream().filter(s -> s.description().contains("Fraction 1"))
                .findFirst().orElse(viewer().secondaryCandidates().get(0));
        viewer().loadSecondary(cbct);
        spinUntil(() -> viewer().couchPanel().correction() != null, 60_000, "the CBCT fused");
        size(1280, 800);
        var browser = page().findViewReference(IsocenterUi.VIEW_PATIENT_BROWSER);
        spinUntil(() -> !page().isPartVisible(browser.getPart(false))
                && !page().isPartVisible(page().findView(IsocenterUi.VIEW_MARGIN_POLICY)), 5_000,
                "the left column folded away in a window narrower than 1500 px");
        settle();
        screenshot("layout-igrt-1280x800.png");
        double share = imageShare();
        System.out.printf("IGRT perspective: images take %.1f %% of the 1280x800 window%n", 100 * share);
        assertTrue(share >= 0.60, String.format("the images take %.1f %% of the 1280x800 window (at least 60 %%)",
                100 * share));
        size(1600, 1000);
        screenshot("layout-igrt-1600x1000.png");
        System.out.printf("IGRT perspective: images take %.1f %% of the 1600x1000 window%n", 100 * imageShare());
    }

    @Test
    @Order(3)
    void theCouchTableAndMarginPolicyControlsAreReachableAt1280x800() throws Exception {
        perspective(IsocenterUi.PERSPECTIVE_REGISTRATION);
        size(1280, 800);
        shell().layout(true, true);
        settle();
        var couch = viewer().couchPanel();
        // inside the Image Viewer's area (the view's composite: the image grid's parent), not cut off
        Control view = viewer().sliceCanvases().get(0).control().getParent().getParent();
        Rectangle v = onDisplay(view), t = onDisplay(couch.table());
        assertTrue(t.width > 0 && t.height > 0 && v.contains(t.x, t.y) && v.contains(t.x + t.width - 1, t.y + t.height - 1),
                "couch table inside the viewer: " + t + " in " + v);
        var status = couch.table().getColumn(7);
        assertTrue(status.getWidth() >= 80, "status column width " + status.getWidth());
        assertFalse(couch.statusTooltip().isEmpty(), "the full status is the table's tooltip");
        assertEquals(couch.statusTooltip(), couch.table().getToolTipText());
        assertTrue(couch.statusTooltip().startsWith(couch.rows().get(0)[7].split(":")[0]));

        MarginPolicyView margin = (MarginPolicyView) page().showView(IsocenterUi.VIEW_MARGIN_POLICY);
        settle();
        screenshot("layout-margin-policy-1280x800.png");
        List<Control> all = new ArrayList<>();
        collect(shell(), all);
        // Compute and "+" of the Margin Policy view: shown, inside their parent (the scrolled content, reachable)
        List<Control> buttons = all.stream().filter(c -> c instanceof org.eclipse.swt.widgets.Button b && b.isVisible()
                && (b.getText().equals("Compute") || b.getText().equals("+"))).toList();
        assertFalse(buttons.isEmpty(), "the Margin Policy view's Compute button");
        for (Control b : buttons) {
            assertTrue(inside(b), ((org.eclipse.swt.widgets.Button) b).getText() + " inside its parent: " + onDisplay(b)
                    + " in " + onDisplay(b.getParent()));
        }
        page().showView(IsocenterUi.VIEW_PATIENT_BROWSER);
    }

    private static void collect(Control c, List<Control> out) {
        out.add(c);
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    @Test
    @Order(4)
    void overlaysAbbreviateTheFrameOfReferenceAndTheLegendFollowsTheIsodoses() throws Exception {
        perspective(IsocenterUi.PERSPECTIVE_PLANNING);
        size(1600, 1000);
        showPlanningCt();
        SliceCanvas axial = viewer().sliceCanvases().stream().filter(c -> c.plane() == SlicePlane.AXIAL).findFirst()
                .orElseThrow();
        axial.redraw();
        settle();
        String uid = viewer().volume().info().frameOfReferenceUid();
        String tip = axial.control().getToolTipText();
        assertNotNull(tip);
        assertTrue(tip.contains(uid), "the full Frame of Reference UID is in the tooltip: " + tip);
        assertTrue(axial.legendShown(), "the isodose legend shows with the dose");
        var gc = new org.eclipse.swt.graphics.GC(axial.control());
        int line = gc.getFontMetrics().getHeight();
        gc.dispose();
        assertTrue(axial.legendTop() >= 2 * line, "legend below the header: top " + axial.legendTop());
        screenshot("overlay-legend-1600x1000.png");

        var model = viewer().model();
        var dose = model.settings().dose();
        model.setSettings(model.settings().withDose(dose.withWash(false).withLines(false)));
        axial.redraw();
        settle();
        assertFalse(axial.legendShown(), "no legend when isodoses are off");
        screenshot("overlay-no-legend-1600x1000.png");
        model.setSettings(model.settings().withDose(dose));
        size(1280, 800);
        screenshot("overlay-planning-1280x800.png");
    }

    @Test
    @Order(5)
    void theHelpMenuOpensTheGuideTheCouchConventionsTheShortcutsAndAbout() throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        for (String id : List.of(HelpHandler.USER_GUIDE, HelpHandler.COUCH, HelpHandler.SHORTCUTS, HelpHandler.ABOUT)) {
            Command c = commands.getCommand(id);
            assertTrue(c.isDefined() && c.isHandled(), id + " is defined and handled");
        }
        HelpWindow guide = HelpWindow.open(shell(), HelpTopic.USER_GUIDE);
        settle();
        assertTrue(guide.html().contains("<h1") && guide.html().contains("Image Viewer"), "the user guide renders");
        screenshot(guide.shell(), "help-user-guide.png");
        guide.shell().close();
        HelpWindow couch = HelpWindow.open(shell(), HelpTopic.COUCH_CONVENTIONS);
        assertTrue(couch.html().contains("<table>") && couch.html().contains("IEC 61217"), "couch conventions render");
        Path file = couch.openExternally();
        assertNotNull(file);
        assertEquals(couch.html(), Files.readString(file));
        couch.shell().close();
        HelpWindow keys = HelpWindow.open(shell(), HelpTopic.KEYBOARD_SHORTCUTS);
        assertTrue(keys.html().contains("Ctrl + mouse wheel"), "the viewer's mouse and keys are listed");
        assertTrue(keys.html().contains("Redo"), "bound commands are listed: " + keys.html());
        keys.shell().close();

        AboutDialog about = new AboutDialog(shell());
        about.setBlockOnOpen(false);
        about.open();
        settle();
        var label = about.textLabel();
        Point needed = label.computeSize(label.getSize().x, org.eclipse.swt.SWT.DEFAULT);
        assertTrue(label.getSize().y >= needed.y, "About text not clipped: " + label.getSize() + " < " + needed);
        assertTrue(label.getText().contains("Not cleared for clinical use"));
        screenshot(about.getShell(), "help-about.png");
        about.close();
    }

    @Test
    @Order(6)
    void theDvhTogglesToPercentOfPrescriptionAndExportsCsv() throws Exception {
        perspective(IsocenterUi.PERSPECTIVE_PLANNING);
        size(1600, 1000);
        showPlanningCt();
        DvhView dvh = (DvhView) page().showView(IsocenterUi.VIEW_DVH);
        spinUntil(() -> dvh.isUpToDate() && dvh.histogram("CTV_Prostate").isPresent(), 120_000, "the CTV's DVH");
        double rx = dvh.prescriptionGy();
        assertTrue(rx > 0, "the demo plan states a prescription: " + rx);
        double[][] gy = dvh.curvePoints("CTV_Prostate");
        dvh.setPercentOfPrescription(true);
        assertTrue(dvh.percentShown());
        double[][] pc = dvh.curvePoints("CTV_Prostate");
        assertEquals(gy[0][gy[0].length - 1] * 100 / rx, pc[0][pc[0].length - 1], 1e-6, "dose axis in % of Rx");
        double[][] line = dvh.chart().getSeriesSet().getSeries(DvhView.PRESCRIPTION_SERIES) == null ? null
                : new double[][] { dvh.chart().getSeriesSet().getSeries(DvhView.PRESCRIPTION_SERIES).getXSeries() };
        assertNotNull(line, "the prescription line is drawn");
        assertEquals(100.0, line[0][0], 1e-9);
        screenshot("dvh-percent-1600x1000.png");
        dvh.setPercentOfPrescription(false);
        assertEquals(rx, dvh.chart().getSeriesSet().getSeries(DvhView.PRESCRIPTION_SERIES).getXSeries()[0], 1e-9);

        Path dir = Files.createTempDirectory("dvh-export");
        Path csv = dir.resolve("dvh.csv");
        dvh.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("# Isocenter DVH export"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Structure,Volume (cc)")), "metrics header");
        String[] row = dvh.metricsRow("CTV_Prostate");
        assertTrue(lines.contains(String.join(",", java.util.Arrays.copyOf(row, row.length - 1))), "CTV metrics row");
        assertTrue(lines.contains("structure,dose_gy,dose_percent_of_prescription,volume_percent"));
        long curvePoints = lines.stream().filter(l -> l.startsWith("CTV_Prostate,") && l.split(",").length == 4).count();
        assertEquals(gy[0].length, curvePoints, "every curve point exported");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        size(1280, 800);
        screenshot("dvh-1280x800.png");
    }

    @Test
    @Order(7)
    void aFusedImageCanBeTurnedOffEverywhereAndOnlyRegistrationShowsTheMatch() throws Exception {
        perspective(IsocenterUi.PERSPECTIVE_REGISTRATION);
        size(1600, 1000);
        showPlanningCt();
        SeriesRecord cbct = viewer().secondaryCandidates().stream().filter(s -> s.description().contains("Fraction 2"))
                .findFirst().orElse(viewer().secondaryCandidates().get(0));
        viewer().loadSecondary(cbct);
        spinUntil(() -> viewer().model().scene().secondary().filter(v -> v.info().seriesInstanceUid()
                .equals(cbct.seriesInstanceUid())).isPresent(), 60_000, "this CBCT fused (not the earlier one)");
        assertTrue(viewer().registrationControlsShown() && viewer().couchCorrectionShown(), "Registration: the match");
        // the soft-tissue region is editable beside Match on: another structure, another margin
        var couch = viewer().couchPanel();
        couch.setMatchOn(org.isocenter.igrt.MatchOn.SOFT_TISSUE);
        couch.setRegion("Bladder", 5);
        assertEquals("Bladder", couch.regionStructure());
        assertEquals(5, couch.regionMarginMm(), 0);
        couch.setRegion("CTV_Prostate", 15);
        viewer().autoMatch().join();
        spinUntil(() -> viewer().model().transformSource().contains("soft tissue")
                || viewer().model().message() != null, 60_000, "the soft-tissue match");
        assertTrue(viewer().model().transformSource().contains("CTV_Prostate + 15 mm"),
                viewer().model().transformSource() + " / " + viewer().model().message());
        screenshot("igrt-region-1600x1000.png");
        couch.setMatchOn(org.isocenter.igrt.MatchOn.BONE);
        for (String id : List.of(IsocenterUi.PERSPECTIVE_PLANNING, IsocenterUi.PERSPECTIVE_CONTOURING)) {
            perspective(id);
            assertTrue(viewer().fusionChoiceShown(), id + ": Fuse with is there to turn the fused image off");
            assertFalse(viewer().registrationControlsShown(), id + ": no transform, Auto match or Identity");
            assertFalse(viewer().couchCorrectionShown(), id + ": no couch table");
        }
        // Contouring: the fused CBCT is turned off with Fuse with (none)
        assertTrue(viewer().model().scene().secondary().isPresent());
        screenshot("contouring-fused-1600x1000.png");
        viewer().chooseFused(0);
        settle();
        assertTrue(viewer().model().scene().secondary().isEmpty(), "(none): nothing fused");
        perspective(IsocenterUi.PERSPECTIVE_REGISTRATION);
        assertTrue(viewer().registrationControlsShown());
        assertEquals(null, viewer().couchPanel().correction(), "nothing fused: no couch values left from the last image");
        perspective(IsocenterUi.PERSPECTIVE_PLANNING);
    }
}
