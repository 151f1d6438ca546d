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
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.MarginReport;
import org.isocenter.ui.internal.views.MarginPolicyView;
import org.isocenter.ui.internal.views.PatientBrowserView;
import org.isocenter.ui.internal.views.ImageViewerView;
import org.isocenter.ui.internal.viewer.CouchCorrectionPanel;
import org.isocenter.ui.internal.viewer.IgrtDecisions;
import org.isocenter.ui.internal.viewer.SliceCanvas;
import org.isocenter.ui.internal.viewer.ViewerModel;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.render.FusionMode;
import org.isocenter.render.SlicePlane;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Starts the real Isocenter application (UI harness under Xvfb): the workbench opens with the demo patient
 * loaded into the Patient Browser, a series is previewed, and screenshots are saved under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchSmokeTest {

    private static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    }

    @Test
    @Order(1)
    void workbenchOpensAsIsocenterWithTheDemoPatientInThePatientBrowser() throws Exception {
        IWorkbenchWindow window = window();
        assertEquals("Isocenter", window.getShell().getText());
        IWorkbenchPage page = window.getActivePage();
        assertEquals(IsocenterUi.PERSPECTIVE_PLANNING, page.getPerspective().getId());
        assertTrue(IsocenterUiPlugin.get().getPreferenceStore().getBoolean(PreferenceDefaults.OPEN_DEMO_AT_STARTUP));

        UiTestSupport.awaitStartup();
        PatientBrowserView browser = (PatientBrowserView) page.findView(IsocenterUi.VIEW_PATIENT_BROWSER);
        assertNotNull(browser);
        // listed once, however often the demo was opened or imported by earlier test classes
        TreeItem patient = UiTestSupport.demoPatientItem(browser);
        assertEquals("PHANTOM PELVIS (ISO-DEMO-001)", patient.getText(0));
        assertEquals("11 studies, 14 series", patient.getText(2));
        assertEquals(11, patient.getItemCount(), "the planning study and one per daily image");
        TreeItem planning = patient.getItem(0);
        assertEquals("4 series", planning.getText(2));
        assertEquals("CT", planning.getItem(0).getText(1));
        assertEquals("100 images", planning.getItem(0).getText(2));
        assertEquals("RTDOSE", planning.getItem(1).getText(1));
        assertTrue(planning.getItem(1).getText(2).startsWith("dose grid 118x82x82, PLAN, GY"), planning.getItem(1).getText(2));
        assertEquals("RTPLAN", planning.getItem(2).getText(1));
        assertTrue(planning.getItem(2).getText(2).contains("6 beams"), planning.getItem(2).getText(2));
        assertEquals("RTSTRUCT", planning.getItem(3).getText(1));
        assertEquals("6 ROIs", planning.getItem(3).getText(2));
        // the Image Viewer opens on the demo's planning CT by itself
        ImageViewerView viewer = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        spinUntil(() -> viewer.volume() != null, 60_000, "the planning CT in the Image Viewer at start-up");
        assertEquals(org.isocenter.demo.DemoPatient.PLANNING_SERIES_UID, viewer.volume().info().seriesInstanceUid());
        screenshot("workbench-demo-patient.png");
    }

    @Test
    @Order(2)
    void selectingTheCtShowsLinkedViewsWithContoursDoseAndPatientIdentity() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        PatientBrowserView browser = (PatientBrowserView) page.findView(IsocenterUi.VIEW_PATIENT_BROWSER);
        ImageViewerView viewer = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        assertNotNull(viewer);
        window().getShell().setSize(1600, 1000);
        SeriesRecord ct = (SeriesRecord) UiTestSupport.demoPatientItem(browser).getItem(0).getItem(0).getData();
        browser.viewer().setSelection(new StructuredSelection(ct), true);
        spinUntil(() -> viewer.volume() != null, 60_000, "the CT to load in the viewer");
        assertEquals(ct.seriesInstanceUid(), viewer.volume().info().seriesInstanceUid());
        var scene = viewer.model().scene();
        assertTrue(scene.structures().isPresent(), "structure set loaded with the CT");
        assertTrue(scene.dose().isPresent(), "plan dose loaded (same Frame of Reference)");
        assertTrue(scene.isocenterMm().isPresent(), "isocenter from the plan");
        assertEquals(78, viewer.model().settings().dose().levels().stream().filter(l -> l.percent() == 100).findFirst()
                .orElseThrow().dose(), 1e-9, "isodose levels relative to the 78 Gy prescription");
        // the crosshair opens on the CTV's middle contour: inside the CTV's z range (-39..-1 mm)
        double z = viewer.model().navigator().crosshairMm().z();
        assertTrue(z > -39 && z < -1, "crosshair z = " + z);
        spinUntil(() -> viewer.sliceCanvases().stream().allMatch(c -> c.viewport() != null), 10_000, "three painted views");
        for (SliceCanvas c : viewer.sliceCanvases()) {
            assertEquals(c.plane().positionOf(viewer.model().navigator().crosshairMm()), c.viewport().slicePositionMm(), 1e-9,
                    c.plane() + " shows the slice through the crosshair");
        }
        // scrolling the axial view moves the crosshair by one CT slice (2.5 mm)
        SliceCanvas axial = viewer.sliceCanvases().get(0);
        assertEquals(SlicePlane.AXIAL, axial.plane());
        org.eclipse.swt.widgets.Event wheel = new org.eclipse.swt.widgets.Event();
        wheel.count = 1;
        axial.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(z + 2.5, viewer.model().navigator().crosshairMm().z(), 1e-6);
        spinUntil(() -> viewer.surfaceCanvas().surfaceNames().size() >= 5 || viewer.surfaceCanvas().problem() != null,
                60_000, "the 3D view");
        assertEquals(null, viewer.surfaceCanvas().problem());
        assertTrue(viewer.surfaceCanvas().surfaceNames().contains("CTV_Prostate"), viewer.surfaceCanvas().surfaceNames().toString());
        assertFalse(viewer.couchCorrectionShown(), "Planning without a fused daily image: no couch table, room for the images");
        screenshot("viewer-ct-dose-3d.png");
    }

    @Test
    @Order(3)
    void dailyCbctFusesThroughAnEditableTransformAndAutoMatchFindsTheSetupError() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        ImageViewerView viewer = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        // Planning has no registration controls: the match is the Registration / IGRT perspective's
        assertFalse(viewer.couchCorrectionShown());
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(IsocenterUi.PERSPECTIVE_REGISTRATION));
        window().getShell().setSize(1600, 1000);
        var spec = org.isocenter.demo.DemoPatient.DAILY_IMAGES.get(0);
        SeriesRecord cbct = viewer.secondaryCandidates().stream()
                .filter(s -> s.seriesInstanceUid().equals(org.isocenter.demo.DemoPatient.dailySeriesUid(spec.fraction())))
                .findFirst().orElseThrow();
        viewer.loadSecondary(cbct);
        spinUntil(() -> viewer.model().scene().secondary().isPresent(), 60_000, "the CBCT to fuse");
        assertTrue(viewer.couchCorrectionShown(), "Registration / IGRT: the couch correction table");
        assertTrue(viewer.model().transformSource().contains("identity"), viewer.model().transformSource());
        assertEquals(FusionMode.CHECKERBOARD, viewer.model().settings().fusion().mode());
        screenshot("viewer-fusion-checkerboard-unmatched.png");

        // Accept on an image nobody matched: asks, says so, and is recorded as unmatched only when confirmed
        IsocenterUiPlugin.get().getPreferenceStore().setValue(PreferenceDefaults.RECORD_DB,
                org.isocenter.igrt.RecordStores.h2FileUrl(Files.createTempDirectory("isocenter-records").resolve("db")));
        CouchCorrectionPanel couch = viewer.couchPanel();
        List<String> asked = new ArrayList<>();
        CouchCorrectionPanel.setConfirmation((title, question) -> asked.add(question) && false);
        try {
            couch.accept();
            assertEquals(1, asked.size());
            assertTrue(asked.get(0).contains("never matched"), asked.get(0));
            assertTrue(couch.decisionText().startsWith("Not accepted"), couch.decisionText());
            assertEquals(null, couch.lastRecorded(), "declined: nothing recorded");
            CouchCorrectionPanel.setConfirmation((title, question) -> asked.add(question));
            couch.accept();
            assertEquals(2, asked.size());
        } finally {
            CouchCorrectionPanel.setConfirmation(null);
        }
        assertTrue(couch.decisionText().startsWith("Accepted unmatched (confirmed)"), couch.decisionText());
        assertTrue(couch.decisionText().contains("recorded as fraction 1"), couch.decisionText());
        var unmatched = couch.lastRecorded();
        assertTrue(unmatched.unmatched());
        assertEquals(org.isocenter.igrt.DecisionRequest.NO_MATCH, unmatched.match());
        screenshot("viewer-igrt-unmatched-accepted.png");

        var expected = org.isocenter.demo.DemoPatient.planningToDaily(spec); // the demo's known set-up error
        int before = viewer.model().generation();
        var job = viewer.autoMatch();
        job.join();
        spinUntil(() -> viewer.model().transformSource().startsWith("auto match"), 30_000, "the auto match result");
        assertTrue(viewer.model().generation() > before, "views repainted after the transform changed");
        var found = viewer.model().scene().primaryToSecondary().orElseThrow();
        Vector3 iso = viewer.model().scene().isocenterMm().orElseThrow();
        assertEquals(0, found.apply(iso).distanceTo(expected.apply(iso)), 1.0, "isocenter maps within 1 mm of the truth");
        viewer.setFusionMode(FusionMode.COLOUR_OVERLAY);
        screenshot("viewer-fusion-colour-overlay-matched.png");
        viewer.setFusionMode(FusionMode.CHECKERBOARD);
        screenshot("viewer-fusion-checkerboard-matched.png");
    }

    @Test
    @Order(4)
    void shiftTableShowsTheCouchCorrectionAndAcceptWritesTheRegistration() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        ImageViewerView viewer = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        CouchCorrectionPanel couch = viewer.couchPanel();
        var spec = org.isocenter.demo.DemoPatient.DAILY_IMAGES.get(0);
        var truth = org.isocenter.demo.DemoPatient.planningToDaily(spec);
        Vector3 iso = viewer.model().scene().isocenterMm().orElseThrow();
        // the hand-checkable truth: fraction 1 is a pure shift of (3.2, -4.1, 2.5) mm LPS; HFS: lateral = -x,
        // longitudinal = -z, vertical = +y of the couch move that brings the patient back (docs/couch-corrections.md)
        CouchCorrection expected = CouchCorrection.sixDof(truth, iso, iso, PatientPosition.HFS, CorrectionLimits.DEFAULT);
        CouchCorrection shown = couch.correction();
        assertNotNull(shown, "a fused, matched CBCT has a couch correction");
        assertEquals(expected.lateralMm(), shown.lateralMm(), 1.0, "lateral");
        assertEquals(expected.longitudinalMm(), shown.longitudinalMm(), 1.0, "longitudinal");
        assertEquals(expected.verticalMm(), shown.verticalMm(), 1.0, "vertical");
        assertEquals(0, shown.pitchDeg(), 0.5);
        assertEquals(0, shown.rollDeg(), 0.5);
        assertEquals(0, shown.yawDeg(), 0.5);
        assertEquals(CouchCorrection.Status.APPLY, shown.status(), "4.1 mm is beyond the 3 mm action level");
        String[] row = couch.rows().get(0);
        assertTrue(row[0].contains("HFS") && row[0].contains("6 DOF") && row[0].contains("plan isocenter"), row[0]);
        assertEquals(shown.lateralMm(), Double.parseDouble(row[1]), 0.051, row[1]);
        assertTrue(row[7].startsWith("APPLY"), row[7]);
        screenshot("viewer-igrt-shift-table.png");

        IsocenterUiPlugin.get().getPreferenceStore().setValue(PreferenceDefaults.IMAGING_PROTOCOL, "kv-cbct-pelvis");
        try {
            couch.accept();
        } finally {
            IsocenterUiPlugin.get().getPreferenceStore().setToDefault(PreferenceDefaults.IMAGING_PROTOCOL);
        }
        assertTrue(couch.decisionText().startsWith("Accepted"), couch.decisionText());
        // what register --record measures, the workbench records too: the outline (unchanged demo: within a
        // planning pixel), and the workstation's imaging protocol with its dose
        var observed = couch.lastRecorded().observations();
        assertNotNull(observed.outlineInwardMm(), "the outline was compared");
        assertTrue(observed.outlineInwardMm() <= 1.51 && observed.outlineOutwardMm() <= 1.51, observed.toString());
        assertEquals("kv-cbct-pelvis", observed.imagingProtocol());
        assertEquals(30, observed.imagingDoseMGy(), 0);
        Path folder = PreferenceDefaults.demoFolder();
        Path reg;
        try (var files = Files.list(folder)) {
            reg = files.filter(f -> f.getFileName().toString().startsWith("REG_")).findFirst().orElseThrow();
        }
        var written = new SpatialRegistrationReader().read(reg);
        assertEquals(org.isocenter.demo.DemoPatient.PLANNING_FRAME_UID, written.frameOfReferenceUid());
        var dailyToPlanning = written.transformFrom(org.isocenter.demo.DemoPatient.dailyFrameUid(spec.fraction())).orElseThrow();
        var found = viewer.model().scene().primaryToSecondary().orElseThrow();
        assertEquals(0, dailyToPlanning.apply(found.apply(iso)).distanceTo(iso), 1e-3, "the REG holds the accepted match");
        String log = Files.readString(folder.resolve(IgrtDecisions.LOG_FILE));
        assertTrue(log.contains("ACCEPTED") && log.contains(reg.getFileName().toString()), log);
        // the fraction log is what margin policies read: the accepted correction's numbers, not just text
        var entries = org.isocenter.margin.FractionLog.read(folder.resolve(IgrtDecisions.LOG_FILE));
        var last = entries.get(entries.size() - 1);
        assertTrue(last.accepted());
        assertEquals(couch.correction().lateralMm(), last.lateralMm(), 1e-3);
        assertEquals(couch.correction().verticalMm(), last.verticalMm(), 1e-3);
        // and the record store: the same decision, the correction as shown, superseding the unmatched accept
        var recorded = couch.lastRecorded();
        assertNotNull(recorded, couch.decisionText());
        assertEquals(1, recorded.fraction(), "the same daily image: the same fraction");
        assertNotNull(recorded.supersedesId(), "supersedes the unmatched accept");
        assertEquals("bone-6dof", recorded.match(), "the match as the outcome names it (the clinic default: 6-DOF couch)");
        assertEquals(org.isocenter.igrt.Decision.ACCEPTED, recorded.decision());
        assertEquals(couch.correction().lateralMm(), recorded.correction().lateralMm(), 0.0, "as shown, not rounded");
        assertEquals(couch.correction().verticalMm(), recorded.correction().verticalMm(), 0.0);
        assertEquals(couch.correction().status().name(), recorded.status());
        try (var store = org.isocenter.igrt.RecordStores.open(
                IsocenterUiPlugin.get().getPreferenceStore().getString(PreferenceDefaults.RECORD_DB), org.isocenter.igrt.AdaptiveRules.of())) {
            var course = store.courses(org.isocenter.demo.DemoPatient.PATIENT.patientId()).get(0);
            assertEquals(recorded.id(), store.current(course.id(), 1).orElseThrow().id(), "the fraction's current decision");
            assertEquals(2, store.history(course.id()).size(), "the unmatched accept is kept, superseded");
        }

        // beyond the maximum correction: refused, Accept disabled
        viewer.model().setTransform(new ViewerModel.TransformParameters(25, 0, 0, 0, 0, 0), "manual");
        assertEquals(CouchCorrection.Status.REFUSED, couch.correction().status());
        assertFalse(couch.canAccept(), "a refused correction cannot be accepted");
        assertTrue(couch.rows().get(0)[7].startsWith("REFUSED"), couch.rows().get(0)[7]);
        screenshot("viewer-igrt-refused.png");
        couch.reject();
        assertTrue(Files.readString(folder.resolve(IgrtDecisions.LOG_FILE)).contains("REJECTED"));
        assertEquals(org.isocenter.igrt.Decision.REJECTED, couch.lastRecorded().decision());
        assertEquals("REFUSED", couch.lastRecorded().status());
        assertTrue(couch.decisionText().contains("recorded as fraction 1"), couch.decisionText());

        // soft tissue: bone first, then the CTV + margin (a preference). The demo's CTV moves with the bones, but its
        // prostate is only 8 HU above muscle under 25 HU of noise: with a 20 mm margin the match stays within about
        // 1.5 mm of the bones (with 10 mm: 2-3 mm, see the user guide)
        couch.setMatchOn(org.isocenter.igrt.MatchOn.SOFT_TISSUE);
        couch.setRegion("CTV_Prostate", 20);
        var job = viewer.autoMatch();
        job.join();
        spinUntil(() -> viewer.model().transformSource().contains("soft tissue"), 30_000, "the soft-tissue match");
        assertTrue(viewer.model().transformSource().contains("CTV_Prostate + 20 mm"), viewer.model().transformSource());
        assertEquals(2, couch.rows().size(), "correction and soft tissue - bone rows");
        String[] diff = couch.rows().get(1);
        for (int c = 1; c <= 3; c++) {
            assertTrue(Math.abs(Double.parseDouble(diff[c])) <= 1.5, "difference " + String.join(" ", diff));
        }
        found = viewer.model().scene().primaryToSecondary().orElseThrow();
        assertEquals(0, found.apply(iso).distanceTo(truth.apply(iso)), 1.5, "soft-tissue match within 1.5 mm at the isocenter");
        screenshot("viewer-igrt-soft-tissue.png");
        couch.setMatchOn(org.isocenter.igrt.MatchOn.BONE);
        IsocenterUiPlugin.get().getPreferenceStore().setToDefault(PreferenceDefaults.RECORD_DB);
    }

    @Test
    @Order(5)
    void menusCommandsPerspectivesAndProgressViewAreThere() throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        for (String id : new String[] { IsocenterUi.COMMAND_IMPORT_FOLDER, IsocenterUi.COMMAND_OPEN_DEMO,
                IsocenterUi.COMMAND_CLOSE_PATIENT }) {
            Command c = commands.getCommand(id);
            assertTrue(c.isDefined(), id);
            assertTrue(c.isHandled(), id + " has a handler");
        }
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        for (String id : new String[] { IsocenterUi.PERSPECTIVE_PLANNING, IsocenterUi.PERSPECTIVE_CONTOURING,
                IsocenterUi.PERSPECTIVE_REGISTRATION }) {
            assertNotNull(registry.findPerspectiveWithId(id), id);
        }
        IWorkbenchPage page = window().getActivePage();
        assertNotNull(page.findView(IsocenterUi.VIEW_PROGRESS), "Progress view is part of the perspective");
        assertFalse(page.findView(IsocenterUi.VIEW_PROGRESS).getClass().getName().contains("Error"),
                "Progress view opened without error: " + page.findView(IsocenterUi.VIEW_PROGRESS).getClass());
        page.setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_REGISTRATION));
        spinUntil(() -> page.getPerspective().getId().equals(IsocenterUi.PERSPECTIVE_REGISTRATION), 5_000,
                "the Registration perspective");
        assertNotNull(page.findView(IsocenterUi.VIEW_PATIENT_BROWSER));
        ImageViewerView viewer = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        assertTrue(viewer.couchCorrectionShown(), "Registration always shows the couch correction table");
        screenshot("workbench-registration-perspective.png");
        page.setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
        // File menu holds the two import commands
        var menu = window().getShell().getMenuBar();
        var file = menu.getItem(0).getMenu();
        file.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
        StringBuilder labels = new StringBuilder();
        for (var item : file.getItems()) {
            labels.append(item.getText().replace("&", "")).append('|');
        }
        file.notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertTrue(labels.toString().contains("Import DICOM Folder..."), labels.toString());
        assertTrue(labels.toString().contains("Open Demo Patient"), labels.toString());
        assertTrue(labels.toString().contains("Close Patient"), labels.toString());
    }

    @Test
    @Order(6)
    void anotherPatientIsRefusedUntilTheLoadedPatientIsClosed() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        PatientBrowserView browser = (PatientBrowserView) page.findView(IsocenterUi.VIEW_PATIENT_BROWSER);
        ImageViewerView preview = (ImageViewerView) page.findView(IsocenterUi.VIEW_IMAGE_VIEWER);
        PatientIdentity demo = LoadedPatient.session().patient();
        assertNotNull(demo, "the demo CT of the earlier test is loaded");
        // a second patient's small CT, imported into the browser like any folder
        Path folder = Files.createTempDirectory("other-patient");
        PatientIdentity other = new PatientIdentity("OTHER-7", "OTHER^PATIENT", "19900101", "F");
        VolumeGeometry g = VolumeGeometry.axial(32, 32, 4, 2, 2, 3, new Vector3(-31, -31, 0));
        new ImageSeriesWriter().writeCt(new ImageVolume(g, new short[g.voxelCount()], 1, -1000, "HU",
                new ImageVolumeInfo(other, DicomUids.random(), DicomUids.random(), DicomUids.random(), "CT",
                        PatientPosition.HFS, "20261120", "Other patient CT")),
                new SeriesAttributes("20261120", "100000", "1", "Other", 1, "test"), folder, ProgressMonitor.NONE);
        int listed = browser.viewer().getTree().getItemCount();
        PatientSession.get().add(new DicomFolderScanner().scan(folder, ProgressMonitor.NONE));
        SeriesRecord otherCt = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.description().equals("Other patient CT")).findFirst().orElseThrow();
        spinUntil(() -> browser.viewer().getTree().getItemCount() == listed + 1, 10_000, "the second patient in the browser");

        browser.viewer().setSelection(new StructuredSelection(otherCt), true);
        spinUntil(() -> preview.status() != null && preview.status().contains("refused"), 30_000, "the refusal");
        assertTrue(preview.status().contains("OTHER PATIENT (OTHER-7)") && preview.status().contains(demo.displayLabel()),
                preview.status());
        assertEquals(null, preview.volume());
        assertEquals(demo, LoadedPatient.session().patient());
        screenshot("workbench-other-patient-refused.png");

        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        assertEquals(null, LoadedPatient.session().patient());
        browser.viewer().setSelection(StructuredSelection.EMPTY);
        browser.viewer().setSelection(new StructuredSelection(otherCt), true);
        spinUntil(() -> preview.volume() != null, 30_000, "the other patient's CT after Close Patient");
        assertEquals(other, preview.volume().patient());
        assertEquals(other, LoadedPatient.session().patient());
        // back to the demo for the test classes that follow in this workbench
        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        PatientSession.get().remove(org.isocenter.ui.internal.jobs.ScanFolderJob.canonical(folder));
        PatientSession.get().remove(folder);
        SeriesRecord demoCt = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(org.isocenter.demo.DemoPatient.PLANNING_SERIES_UID))
                .findFirst().orElseThrow();
        preview.show(demoCt);
        spinUntil(() -> preview.volume() != null && demo.equals(preview.volume().patient()), 60_000, "the demo CT again");
    }

    @Test
    @Order(7)
    void marginPolicyViewComputesTheSiteBudgetAndRefusesBadInput() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        MarginPolicyView view = (MarginPolicyView) page.showView(IsocenterUi.VIEW_MARGIN_POLICY);
        view.selectSite("prostate");
        view.setErrors(new AxisValues(3, 3, 3), new AxisValues(3, 3, 3));
        view.compute();
        spinUntil(() -> view.lastReport() != null, 60_000, "the margin computation");
        MarginReport r = view.lastReport();
        assertEquals("enal", r.protocol().id());
        // van Herk on the prostate budget: Σ = residual set-up (+) delineation 1.7 (+) organ motion 0.9 in LR,
        // σ = residual set-up (+) organ motion 0.9
        double sys = Math.sqrt(Math.pow(r.simulated().systematic().lr(), 2) + 1.7 * 1.7 + 0.9 * 0.9);
        double rnd = Math.sqrt(Math.pow(r.simulated().random().lr(), 2) + 0.9 * 0.9);
        assertEquals(2.5 * sys + 0.7 * rnd, r.margin().lr(), 1e-9);
        assertTrue(r.simulated().systematic().lr() < 3 / Math.sqrt(3), "eNAL leaves less than NAL's σ/√3");
        var ref = page.findViewReference(IsocenterUi.VIEW_MARGIN_POLICY);
        page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        screenshot("workbench-margin-policy.png");
        page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        view.setErrors(new AxisValues(3, 3, 3), new AxisValues(3, 3, 3));
        view.importShifts(Path.of("/nonexistent/shifts.csv"));
        assertTrue(view.warningText().contains("shifts.csv"), view.warningText());
    }
}
