/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.export.PackageItem;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.export.DestinationPage;
import org.isocenter.ui.internal.export.ExportAudit;
import org.isocenter.ui.internal.export.ExportResultDialog;
import org.isocenter.ui.internal.export.ExportRun;
import org.isocenter.ui.internal.export.ExportSource;
import org.isocenter.ui.internal.export.ExportWizard;
import org.isocenter.ui.internal.export.PackagePage;
import org.isocenter.ui.internal.views.ExportAuditView;
import org.isocenter.ui.internal.views.ImageViewerView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Linac export in the real workbench (UI harness under Xvfb): File ▸ Export to Linac… is enabled only with a plan
 * loaded; the wizard, opened on the demo patient's plan, shows its package (100 CT slices, structure set, plan, IGRT
 * objects, 6 beams) and exports it to a folder: every file DELIVERED and read back as MATCH, manifest.json written. A
 * plan whose references are missing is refused on page 1 with Next blocked. A DICOM export to a node that is down is
 * reported as not complete with every file undelivered; after dcmtk's storescp is started on that port, Retry
 * delivers exactly those files and the read-back verifies them. The Export Audit view (open before the exports)
 * lists every export, newest first. The audit log goes to a temporary folder ({@link ExportAudit#AUDIT_DIR_PROPERTY}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportWizardWorkbenchTest {

    private static Path tmp;
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final List<Shell> OPENED = new ArrayList<>();

    private static Shell workbenchShell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The push button whose label (without mnemonic) starts with {@code label}. */
    private static Button button(Composite parent, String label) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && (b.getStyle() & SWT.PUSH) != 0 && b.getText().replace("&", "").startsWith(label)) {
                return b;
            }
            if (c instanceof Composite child) {
                Button found = button(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Presses a dialog button as a click does. */
    /** The dialog's title label shows {@code title} whole: what is drawn reaches to within a few pixels of its width. */
    private static void assertTitleShownWhole(Shell shell, String title) throws InterruptedException {
        List<org.eclipse.swt.widgets.Label> labels = controls(shell, org.eclipse.swt.widgets.Label.class).stream()
                .filter(l -> title.equals(l.getText())).toList();
        assertEquals(1, labels.size(), "one label shows the page title '" + title + "'");
        org.eclipse.swt.widgets.Label l = labels.get(0);
        int needed = l.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x;
        Rectangle b = l.getBounds();
        int drawn = rightmostInk(l, new Rectangle(0, 0, b.width, b.height));
        assertTrue(drawn >= needed - 6, "the title '" + title + "' is drawn to x = " + drawn + " of the " + needed
                + " px its text needs: cut off");
    }

    private static void press(Shell shell, String label) {
        Button b = button(shell, label);
        assertNotNull(b, "button '" + label + "' in " + shell.getText());
        assertTrue(b.isEnabled(), "button '" + label + "' is enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    private static ExportWizard openWizard(List<ExportSource> sources) {
        ExportWizard wizard = new ExportWizard(sources);
        WizardDialog dialog = new WizardDialog(workbenchShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        OPENED.add(dialog.getShell());
        dialog.getShell().setSize(1000, 760);
        return wizard;
    }

    private static ExportRun finish(ExportWizard wizard) {
        if (wizard.getContainer().getCurrentPage() != wizard.summaryPage()) {
            press(wizard.getContainer().getShell(), "Next"); // the summary page comes before Finish
        }
        press(wizard.getContainer().getShell(), "Finish");
        spinUntil(() -> wizard.run() != null && !wizard.run().running() && wizard.resultDialog() != null
                && wizard.resultDialog().getShell() != null, 180_000, "the export to end and its status table");
        OPENED.add(wizard.resultDialog().getShell());
        return wizard.run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void auditInTemporaryFolder() throws IOException {
        tmp = Files.createTempDirectory("isocenter-export-ui-");
        System.setProperty(ExportAudit.AUDIT_DIR_PROPERTY, tmp.resolve("audit").toString());
        ContouringMessages.setPresenter(message -> { }); // recorded by last(), no modal dialog
        UnsavedEdits.setDialogs(DiscardingDialogs.INSTANCE); // Close Patient: another test's edits answered Discard
    }

    @AfterAll
    static void cleanUp() throws InterruptedException {
        for (Shell s : OPENED) {
            if (!s.isDisposed()) {
                s.close();
            }
        }
        for (Process p : PROCESSES) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        System.clearProperty(ExportAudit.AUDIT_DIR_PROPERTY);
        ContouringMessages.setPresenter(null);
        UnsavedEdits.setDialogs(null);
    }

    @Test
    @Order(1)
    void exportToLinacIsEnabledOnlyWhileAPlanIsLoaded() throws Exception {
        UiTestSupport.awaitStartup();
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        page().setPerspective(registry.findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
        workbenchShell().setSize(1600, 1000);
        assertNotNull(page().findViewReference(IsocenterUi.VIEW_EXPORT_AUDIT), "Export Audit is part of the Planning perspective");
        page().showView(IsocenterUi.VIEW_EXPORT_AUDIT); // open before the exports: it must refresh by itself
        ExportAuditView audit = (ExportAuditView) page().findView(IsocenterUi.VIEW_EXPORT_AUDIT);
        assertEquals(0, audit.rows().size(), "a new audit log is empty");

        Command command = PlatformUI.getWorkbench().getService(ICommandService.class)
                .getCommand(IsocenterUi.COMMAND_EXPORT_TO_LINAC);
        assertTrue(command.isDefined() && command.isHandled(), "the Export to Linac command has a handler");
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IsocenterUi.COMMAND_CLOSE_PATIENT, null);
        spinUntil(() -> viewer().volume() == null, 10_000, "the viewer to empty");
        assertFalse(command.isEnabled(), "no plan loaded: Export to Linac is disabled");

        SeriesRecord ct = PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst().orElseThrow();
        viewer().show(ct);
        spinUntil(() -> viewer().volume() != null && !LoadedPatient.session().plans().isEmpty(), 120_000,
                "the demo planning CT with its plan");
        assertTrue(command.isEnabled(), "a plan is loaded: Export to Linac is enabled");

        // the File menu shows the command, enabled
        Menu file = null;
        for (MenuItem i : workbenchShell().getMenuBar().getItems()) {
            if (i.getText().replace("&", "").equals("File")) {
                file = i.getMenu();
            }
        }
        assertNotNull(file, "File menu");
        file.notifyListeners(SWT.Show, new Event());
        settle();
        MenuItem export = null;
        for (MenuItem i : file.getItems()) {
            if (i.getText().replace("&", "").startsWith("Export to Linac")) {
                export = i;
            }
        }
        assertNotNull(export, "File ▸ Export to Linac… is in the menu");
        assertTrue(export.isEnabled(), "File ▸ Export to Linac… is enabled with the demo plan loaded");
        file.notifyListeners(SWT.Hide, new Event());
    }

    @Test
    @Order(2)
    void theWizardExportsTheDemoPlanToAFolderAndEveryFileIsDeliveredAndVerified() throws Exception {
        List<ExportSource> sources = ExportSource.fromSession();
        assertEquals(1, sources.size(), "the demo patient has one plan: " + sources);
        ExportWizard wizard = openWizard(sources);
        Shell shell = wizard.getContainer().getShell();
        PackagePage p = wizard.packagePage();
        spinUntil(() -> !p.checking(), 120_000, "the package check");
        assertEquals(List.of(), p.refusals());
        assertTrue(p.isPageComplete(), "a valid package lets the user go on");
        assertEquals(null, p.getErrorMessage());
        List<String[]> contents = p.contentRows();
        assertEquals("Planning CT slices", contents.get(0)[0]);
        assertEquals("100", contents.get(0)[1]);
        assertEquals("Structure set", contents.get(1)[0]);
        assertEquals("1", contents.get(1)[1]);
        assertTrue(contents.get(2)[0].startsWith("RT Plan '"), contents.get(2)[0]);
        // IGRT objects are listed exactly when PackageBuilder found them (the demo has them once an IGRT match was accepted)
        assertEquals(!p.checkedPackage().items(PackageItem.Role.REGISTRATION).isEmpty(),
                contents.stream().anyMatch(r -> r[0].startsWith("Spatial Registrations")));
        assertEquals(!p.checkedPackage().items(PackageItem.Role.COUCH_CORRECTION_RECORD).isEmpty(),
                contents.stream().anyMatch(r -> r[0].startsWith("Couch correction record")));
        assertEquals(6, p.beamRows().size(), "one row per beam");
        assertTrue(p.getMessage().contains("ISO-DEMO-001"), p.getMessage());
        p.setIncludeDrrs(true);
        assertTrue(p.contentRows().stream().anyMatch(r -> r[0].startsWith("DRRs") && r[1].equals("6")));
        assertTrue(p.beamRows().stream().allMatch(r -> r[6].equals("yes")));
        screenshot(shell, "export-1-package.png");
        p.setIncludeDrrs(false); // keeps the test fast
        assertTrue(p.contentRows().stream().noneMatch(r -> r[0].startsWith("DRRs")));

        press(shell, "Next");
        DestinationPage d = wizard.destinationPage();
        assertSame(d, wizard.getContainer().getCurrentPage());
        assertTrue(d.exporterIds().containsAll(List.of("dicom", "folder")), d.exporterIds().toString());
        d.selectExporter("folder");
        d.setFolder("relative/folder");
        assertFalse(d.isPageComplete(), "a relative folder is refused");
        assertNotNull(d.getErrorMessage());
        Path out = tmp.resolve("linac-out");
        d.setFolder(out.toString());
        assertTrue(d.isPageComplete(), String.valueOf(d.getErrorMessage()));
        assertTitleShownWhole(shell, d.getTitle());
        screenshot(shell, "export-2-destination.png");

        ExportRun run = finish(wizard);
        int items = run.exportPackage().items().size();
        assertTrue(run.success(), run.summary());
        assertEquals(items, run.rows().size());
        for (ExportRun.FileRow r : run.rows()) {
            assertEquals("DELIVERED", r.outcome(), r.file());
            assertEquals("MATCH", r.check(), r.file());
        }
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")), "manifest.json written");
        try (var s = Files.list(out.resolve("CT"))) {
            assertEquals(100, s.count(), "100 CT slices in CT/");
        }
        ExportResultDialog result = wizard.resultDialog();
        assertTrue(result.summaryText().startsWith("Export complete: all " + items + " files delivered to folder "),
                result.summaryText());
        assertTrue(result.summaryText().contains("verified: " + items + " files match"), result.summaryText());
        assertEquals(items, result.rows().size());
        assertTrue(result.rows().stream().allMatch(r -> r[2].equals("DELIVERED") && r[4].equals("MATCH")));
        assertFalse(result.retryEnabled(), "nothing to retry");
        screenshot(result.getShell(), "export-3-result-folder.png");
        result.close();
    }

    @Test
    @Order(3)
    void aPlanWhoseStructureSetAndCtAreMissingIsRefusedAndNextIsBlocked() throws Exception {
        Path plan = ExportSource.fromSession().get(0).planFile();
        Path alone = Files.createDirectories(tmp.resolve("plan-alone"));
        Path copy = Files.copy(plan, alone.resolve(plan.getFileName()));
        ExportWizard wizard = openWizard(List.of(new ExportSource(copy, "the demo plan without its CT and structure set",
                List.of(alone))));
        Shell shell = wizard.getContainer().getShell();
        PackagePage p = wizard.packagePage();
        spinUntil(() -> !p.checking(), 60_000, "the package check");
        assertFalse(p.refusals().isEmpty(), "PackageBuilder refuses the plan");
        assertTrue(p.refusals().stream().anyMatch(r -> r.contains("structure set")), p.refusals().toString());
        assertTrue(p.refusals().stream().anyMatch(r -> r.contains("no planning CT")), p.refusals().toString());
        assertNotNull(p.getErrorMessage());
        assertTrue(p.getErrorMessage().startsWith("Export refused"), p.getErrorMessage());
        assertTrue(p.problemsText().contains("REFUSED: "), p.problemsText());
        assertFalse(p.isPageComplete());
        assertFalse(button(shell, "Next").isEnabled(), "Next is blocked by the refusal");
        assertFalse(button(shell, "Finish").isEnabled(), "Finish is blocked by the refusal");
        assertEquals(0, p.contentRows().size(), "no package is shown");
        assertEquals(6, p.beamRows().size(), "the refused plan's beams are still listed: " + p.problemsText());
        screenshot(shell, "export-4-refused.png");
        press(shell, "Cancel");
        spinUntil(shell::isDisposed, 5_000, "the wizard to close");
    }

    @Test
    @Order(4)
    void aDicomNodeThatIsDownGetsNothingAndRetryDeliversEverythingOnceStorescpListens() throws Exception {
        int port = freePort();
        Path received = Files.createDirectories(tmp.resolve("storescp-in"));
        ExportWizard wizard = openWizard(ExportSource.fromSession());
        Shell shell = wizard.getContainer().getShell();
        PackagePage p = wizard.packagePage();
        spinUntil(() -> !p.checking(), 120_000, "the package check");
        p.setIncludeDrrs(false);
        press(shell, "Next");
        DestinationPage d = wizard.destinationPage();
        d.selectExporter("dicom");
        d.setDicomNode("127.0.0.1", port, "UI_SCP", "ISOCENTER_UI", 5_000, 0);
        d.setReadBack(received.toString());
        assertTrue(d.isPageComplete(), String.valueOf(d.getErrorMessage()));
        screenshot(shell, "export-5-destination-dicom.png");

        ExportRun run = finish(wizard); // nothing listens on the port
        ExportResultDialog result = wizard.resultDialog();
        int dicom = run.exportPackage().dicomItems().size();
        assertFalse(run.success(), "never success when files were not accepted: " + run.summary());
        assertTrue(result.summaryText().startsWith("Export NOT complete: 0 of " + dicom + " files delivered"),
                result.summaryText());
        assertEquals(dicom, run.result().report().undelivered().size(), "every DICOM file is reported undelivered");
        assertTrue(run.rows().stream().noneMatch(r -> r.outcome().startsWith("DELIVERED")));
        assertTrue(run.rows().stream().filter(r -> r.role().equals("COUCH_CORRECTION_RECORD"))
                .allMatch(r -> r.outcome().equals("NOT_APPLICABLE")), "the couch correction record does not go to a DICOM node");
        assertTrue(result.retryEnabled(), "Retry is offered for what was not delivered");
        screenshot(result.getShell(), "export-6-result-node-down.png");

        Path log = tmp.resolve("storescp.log");
        List<String> command = List.of("storescp", "-aet", "UI_SCP", "-od", received.toString(), Integer.toString(port));
        Process scp = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        PROCESSES.add(scp);
        spinUntil(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                assertTrue(scp.isAlive(), "storescp runs");
                return false;
            }
        }, 10_000, "storescp to listen on " + port);

        press(result.getShell(), "Retry");
        spinUntil(() -> !run.running(), 120_000, "the retry");
        settle();
        assertTrue(run.success(), run.summary());
        assertTrue(result.summaryText().startsWith("Export complete: all " + dicom + " files delivered to DICOM UI_SCP@127.0.0.1:"
                + port), result.summaryText());
        for (ExportRun.FileRow r : run.rows()) {
            if (r.role().equals("COUCH_CORRECTION_RECORD")) {
                assertEquals("NOT_APPLICABLE", r.outcome());
            } else {
                assertEquals("DELIVERED", r.outcome(), r.file());
                assertEquals("MATCH", r.check(), r.file() + " read back from storescp's folder");
                assertEquals(2, r.attempts(), r.file() + ": the failed attempt and the retry");
            }
        }
        assertFalse(result.retryEnabled(), "nothing left to retry");
        screenshot(result.getShell(), "export-7-result-after-retry.png");
        result.close();
        scp.destroyForcibly();
        scp.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    @Order(5)
    void theExportAuditViewListsEveryExportNewestFirst() throws Exception {
        ExportAuditView audit = (ExportAuditView) page().findView(IsocenterUi.VIEW_EXPORT_AUDIT);
        assertNotNull(audit);
        page().activate(audit);
        // no refresh by hand: the view heard of each export
        spinUntil(() -> audit.rows().size() == 3, 10_000, "three audit entries (folder export, DICOM export, retry)");
        List<String[]> rows = audit.rows();
        String user = System.getProperty("user.name", "");
        // columns: time, user, action, patient, plan, destination, files, result, verification
        String[] retry = rows.get(0);
        assertEquals("RETRY", retry[2]);
        assertTrue(retry[5].startsWith("DICOM UI_SCP@127.0.0.1:"), retry[5]);
        assertEquals("SUCCESS", retry[7]);
        assertEquals("PASSED", retry[8]);
        String[] down = rows.get(1);
        assertEquals("EXPORT", down[2]);
        assertEquals("FAILED", down[7]);
        assertTrue(down[6].startsWith("0 / "), down[6]);
        String[] folder = rows.get(2);
        assertEquals("EXPORT", folder[2]);
        assertEquals(user, folder[1]);
        assertTrue(folder[3].contains("(ISO-DEMO-001)"), folder[3]);
        assertTrue(folder[5].equals("folder " + tmp.resolve("linac-out").toAbsolutePath().normalize()), folder[5]);
        assertEquals("SUCCESS", folder[7]);
        assertEquals("PASSED", folder[8]);
        String[] files = folder[6].split(" / ");
        assertEquals(files[0], files[1], "every file delivered");
        assertTrue(rows.get(0)[0].compareTo(rows.get(2)[0]) >= 0, "newest first");
        assertTrue(audit.detailsText().contains("RETRY with exporter 'dicom'"), audit.detailsText());
        assertTrue(Files.isRegularFile(tmp.resolve("audit").resolve("export-audit.jsonl")));
        screenshot(workbenchShell(), "export-8-audit-view.png");
    }
}
