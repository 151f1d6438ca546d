/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.page;
import static org.isocenter.ui.tests.UiTestSupport.rightmostInk;
import static org.isocenter.ui.tests.UiTestSupport.screenshot;
import static org.isocenter.ui.tests.UiTestSupport.settle;
import static org.isocenter.ui.tests.UiTestSupport.spinUntil;
import static org.isocenter.ui.tests.UiTestSupport.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.net.StorageServer;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.export.DestinationPage;
import org.isocenter.ui.internal.export.ExportSource;
import org.isocenter.ui.internal.export.ExportWizard;
import org.isocenter.ui.internal.export.SummaryPage;
import org.isocenter.ui.internal.jobs.ImportReport;
import org.isocenter.ui.internal.jobs.ImportReportDialog;
import org.isocenter.ui.internal.jobs.ScanFolderJob;
import org.isocenter.ui.internal.preferences.DicomNodes;
import org.isocenter.ui.internal.preferences.DicomNodesPreferencePage;
import org.isocenter.ui.internal.views.MarginPolicyView;
import org.isocenter.ui.internal.views.PatientBrowserView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The daily-use fixes in the running workbench: the Patient Browser lists a patient once however often it is
 * imported, follows Close Patient, flags a series with a missing slice; an import with a corrupt and a random-bytes file
 * ends with a summary naming both; the Export wizard offers the DICOM node address book with a C-ECHO test against a
 * StorageServer and a summary page before Finish; Margin Policy builds the protocol from a combo and spinners and takes
 * Fractions from the loaded plan. Screenshots at 1280x800 and 1600x1000.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserImportExportWorkbenchTest {

    private static final List<Shell> OPENED = new ArrayList<>();
    private static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
        tmp = Files.createTempDirectory("isocenter-browser-ui-");
        UiTestSupport.awaitStartup();
    }

    @AfterAll
    static void tearDown() {
        ScanFolderJob.setReportPresenter(null);
        PatientSession.get().remove(ScanFolderJob.canonical(tmp.resolve("import"))); // also when a test failed midway
        for (Shell s : OPENED) {
            if (!s.isDisposed()) {
                s.close();
            }
        }
        ContouringMessages.setPresenter(null);
    }

    private static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    private static PatientBrowserView browser() throws Exception {
        return (PatientBrowserView) page().showView(IsocenterUi.VIEW_PATIENT_BROWSER);
    }

    private static void command(String id) throws Exception {
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null);
    }

    private static void waitForImports() throws Exception {
        spinUntil(() -> Job.getJobManager().find(ScanFolderJob.FAMILY).length == 0, 180_000, "the imports to end");
        settle();
    }

    private static List<TreeItem> patientsNamed(PatientBrowserView b, String id) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem i : b.viewer().getTree().getItems()) {
            if (i.getText(0).contains(id)) {
                out.add(i);
            }
        }
        return out;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @Order(1)
    void openDemoTwiceAndReimportingListTheDemoPatientOnceAndShowItsImages() throws Exception {
        PatientBrowserView b = browser();
        shell().setSize(1280, 800);
        command(IsocenterUi.COMMAND_OPEN_DEMO);
        command(IsocenterUi.COMMAND_OPEN_DEMO);
        waitForImports();
        assertEquals(1, patientsNamed(b, "ISO-DEMO-001").size(), "Open Demo Patient twice: one patient node");
        // importing the demo's parent folder finds the same patient again: still listed once
        List<ImportReport> reports = new ArrayList<>();
        ScanFolderJob.setReportPresenter(reports::add);
        Path demo = ScanFolderJob.canonical(org.isocenter.ui.internal.preferences.PreferenceDefaults.demoFolder());
        ScanFolderJob.reporting(demo).schedule();
        waitForImports();
        assertEquals(1, patientsNamed(b, "ISO-DEMO-001").size(), "re-import: one patient node");
        TreeItem patient = patientsNamed(b, "ISO-DEMO-001").get(0);
        assertEquals("11 studies, 14 series", patient.getText(2), "no series listed twice");
        // Open Demo Patient shows the planning CT
        spinUntil(() -> viewer().volume() != null
                && viewer().volume().info().seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID), 120_000,
                "the demo planning CT in the Image Viewer after Open Demo Patient");
        screenshot("browser-demo-once-1280.png");
    }

    @Test
    @Order(2)
    void importWithAMissingSliceACorruptAndARandomFileIsSummarisedAndDecorated() throws Exception {
        Path folder = tmp.resolve("import");
        Files.createDirectories(folder);
        PatientIdentity other = new PatientIdentity("GAP-1", "GAP^PATIENT", "19800101", "M");
        VolumeGeometry g = VolumeGeometry.axial(32, 32, 8, 2, 2, 3, new Vector3(-31, -31, 0));
        new ImageSeriesWriter().writeCt(new ImageVolume(g, new short[g.voxelCount()], 1, -1000, "HU",
                new ImageVolumeInfo(other, DicomUids.random(), DicomUids.random(), DicomUids.random(), "CT",
                        PatientPosition.HFS, "20261120", "Gap CT")),
                new SeriesAttributes("20261120", "100000", "1", "Gap", 1, "test"), folder, ProgressMonitor.NONE);
        List<Path> slices;
        try (var s = Files.walk(folder)) {
            slices = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(8, slices.size());
        Path middle = slices.get(4);
        byte[] head = Files.readAllBytes(slices.get(2));
        Files.delete(middle); // a missing slice
        Files.write(folder.resolve("corrupt.dcm"), java.util.Arrays.copyOf(head, 400)); // DICOM, truncated
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Files.write(folder.resolve("noise.bin"), noise); // random bytes

        AtomicReference<ImportReportDialog> dialog = new AtomicReference<>();
        Display display = shell().getDisplay(); // the presenter runs on the job's thread
        ScanFolderJob.setReportPresenter(r -> display.asyncExec(() -> {
            ImportReportDialog d = new ImportReportDialog(shell(), r); // the real dialog, not blocking the test
            d.setBlockOnOpen(false);
            d.open();
            OPENED.add(d.getShell());
            dialog.set(d);
        }));
        ScanFolderJob.reporting(folder).schedule();
        waitForImports();
        spinUntil(() -> dialog.get() != null, 30_000, "the import summary");
        ImportReportDialog d = dialog.get();
        List<String[]> rows = d.rows();
        assertTrue(rows.stream().anyMatch(r -> r[0].equals(ImportReport.NOT_IMPORTED) && r[1].equals("corrupt.dcm")
                && !r[2].isBlank()), "the corrupt file with its reason: " + d.text());
        assertTrue(rows.stream().anyMatch(r -> r[0].equals(ImportReport.NOT_DICOM) && r[1].equals("noise.bin")),
                "the random-bytes file: " + d.text());
        assertTrue(rows.stream().anyMatch(r -> r[0].equals(ImportReport.WARNING) && r[2].contains("missing slice")),
                "the missing slice: " + d.text());
        assertTrue(d.headlineText().startsWith("Imported 7 DICOM objects"), d.headlineText());
        screenshot(d.getShell(), "import-summary-1280.png");
        d.close();

        PatientBrowserView b = browser();
        settle();
        TreeItem gap = patientsNamed(b, "GAP-1").get(0);
        TreeItem series = gap.getItem(0).getItem(0);
        assertTrue(series.getText(2).startsWith("7 images") && series.getText(2).contains("missing slices"), series.getText(2));
        assertNotNull(series.getImage(0), "warning decoration on the series");
        TreeItem problems = b.viewer().getTree().getItem(0);
        assertTrue(problems.getText(0).startsWith("Import problems: import"), problems.getText(0));
        assertTrue(problems.getText(2).contains("1 not imported") && problems.getText(2).contains("1 not DICOM"),
                problems.getText(2));
        b.viewer().getTree().showItem(series);
        screenshot("browser-warning-1280.png");
        shell().setSize(1600, 1000);
        screenshot("browser-warning-1600.png");
        PatientSession.get().remove(ScanFolderJob.canonical(folder));
    }

    @Test
    @Order(3)
    void closePatientClearsTheSelectionAndTheViewer() throws Exception {
        PatientBrowserView b = browser();
        settle(); // the earlier test's list changes first (a refresh unfolds new patients)
        command(IsocenterUi.COMMAND_CLOSE_PATIENT);
        settle();
        assertEquals(null, LoadedPatient.session().patient());
        assertTrue(b.viewer().getStructuredSelection().isEmpty(), "nothing selected after Close Patient");
        assertFalse(b.viewer().getTree().getItem(b.viewer().getTree().getItemCount() - 1).getExpanded(), "patients folded");
        command(IsocenterUi.COMMAND_OPEN_DEMO);
        waitForImports();
        spinUntil(() -> viewer().volume() != null && !LoadedPatient.session().plans().isEmpty(), 120_000,
                "the demo with its plan after Open Demo Patient");
    }

    @Test
    @Order(4)
    void dicomNodeListEchoesAStorageServerAndTheWizardSummarisesBeforeFinish() throws Exception {
        int port = freePort();
        Path received = Files.createDirectories(tmp.resolve("received"));
        try (StorageServer server = StorageServer.start("UI_ECHO", port, received, o -> { })) {
            DicomNodes.save(List.of(new DicomNodes.Entry("Test console", "UI_ECHO", "127.0.0.1", port)));
            // the preference page: Test sends a C-ECHO
            PreferenceDialog prefs = PreferencesUtil.createPreferenceDialogOn(shell(),
                    "org.isocenter.ui.preferences.dicomNodes", null, null);
            prefs.setBlockOnOpen(false);
            prefs.open();
            OPENED.add(prefs.getShell());
            DicomNodesPreferencePage page = (DicomNodesPreferencePage) prefs.getSelectedPage();
            assertEquals(1, page.nodes().size());
            page.select(0);
            page.testSelected();
            spinUntil(() -> page.echoText().startsWith("✔"), 30_000, "the C-ECHO result");
            assertTrue(page.echoText().contains("UI_ECHO@127.0.0.1:" + port), page.echoText());
            screenshot(prefs.getShell(), "dicom-nodes-echo.png");
            prefs.close();

            // the wizard: the node from the address book, Test, then the summary page
            ExportWizard wizard = new ExportWizard(ExportSource.fromSession());
            WizardDialog wd = new WizardDialog(shell(), wizard);
            wd.setBlockOnOpen(false);
            wd.open();
            OPENED.add(wd.getShell());
            wd.getShell().setSize(1000, 760);
            spinUntil(() -> wizard.packagePage().isPageComplete(), 120_000, "the package check");
            press(wd.getShell(), "Next");
            DestinationPage d = wizard.destinationPage();
            d.selectExporter("dicom");
            d.selectNode("Test console");
            assertTrue(d.isPageComplete(), String.valueOf(d.getErrorMessage()));
            assertFalse(wizard.canFinish(), "no Finish before the summary page");
            d.testEcho();
            spinUntil(() -> d.echoText().startsWith("✔"), 30_000, "the wizard's C-ECHO");
            screenshot(wd.getShell(), "export-destination-node-echo.png");
            press(wd.getShell(), "Next");
            SummaryPage s = wizard.summaryPage();
            assertTrue(wizard.canFinish(), "Finish on the summary page");
            int dicom = wizard.packagePage().checkedPackage().dicomItems().size();
            assertTrue(s.headlineText().startsWith(dicom + " DICOM objects"), s.headlineText());
            assertTrue(s.headlineText().contains("UI_ECHO@127.0.0.1:" + port), s.headlineText());
            int sent = s.rows().stream().mapToInt(r -> Integer.parseInt(r[1])).sum();
            assertEquals(dicom, sent, "the summary counts what is sent");
            boolean log = !wizard.packagePage().checkedPackage()
                    .items(org.isocenter.export.PackageItem.Role.COUCH_CORRECTION_RECORD).isEmpty();
            assertEquals(log, s.notesText().contains("not meant for this destination"), s.notesText());
            screenshot(wd.getShell(), "export-summary.png");
            org.eclipse.swt.widgets.Table table = s.table();
            for (int row = 0; row < table.getItemCount(); row++) { // each row's content is on the screen
                Rectangle cell = table.getItem(row).getBounds(0);
                assertTrue(cell.width > 0 && cell.height > 0, "row " + row + " of the summary has no size: " + cell);
                assertTrue(rightmostInk(table, cell) > 0, "row " + row + " (" + s.rows().get(row)[0]
                        + ") of the summary is not drawn at " + cell + " in " + table.getBounds());
            }
            wd.close();
        }
    }

    @Test
    @Order(5)
    void marginProtocolComboBuildsTheSpecAndFractionsComeFromThePlan() throws Exception {
        MarginPolicyView m = (MarginPolicyView) page().showView(IsocenterUi.VIEW_MARGIN_POLICY);
        settle();
        int planned = LoadedPatient.session().plans().get(0).fractionGroups().get(0).fractionsPlanned();
        assertEquals(planned, m.fractions(), "Fractions from the loaded plan's fraction group");
        m.setProtocolSpec("enal:3:5");
        assertEquals("enal:3:5", m.protocolSpec());
        m.selectSite("headneck");
        assertEquals("online:2.0", m.protocolSpec(), "the site's protocol with its action level");
        assertTrue(m.actionLevelText().startsWith("Action level 2.0 mm (site headneck)"), m.actionLevelText());
        assertEquals(planned, m.fractions(), "the plan's fractions stay when a site is chosen");
        m.selectSite("prostate");
        assertEquals("enal:3:5", m.protocolSpec());
        shell().setSize(1280, 800);
        screenshot("margin-protocol-1280.png");
        shell().setSize(1600, 1000);
        screenshot("margin-protocol-1600.png");
    }

    private static void press(Shell shell, String label) {
        Button b = find(shell, label);
        assertNotNull(b, "button '" + label + "'");
        assertTrue(b.isEnabled(), "button '" + label + "' is enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    private static Button find(Composite c, String label) {
        for (Control child : c.getChildren()) {
            if (child instanceof Button b && b.getText().replace("&", "").replace(" >", "").replace("< ", "").equals(label)) {
                return b;
            }
            if (child instanceof Composite k) {
                Button b = find(k, label);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
