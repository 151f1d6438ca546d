/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.examples.vendor.ConsoleDrop;
import org.isocenter.examples.vendor.ConsoleDropExporter;
import org.isocenter.examples.vendor.internal.ConsoleDropPage;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.LinacExporters;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.export.PackageRequest;
import org.isocenter.export.VerificationReport;
import org.isocenter.ui.internal.export.DestinationPage;
import org.isocenter.ui.internal.export.ExportSource;
import org.isocenter.ui.internal.export.ExportWizard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example exporter delivers the demo plan's package into its console drop folder (every file byte for byte, a
 * ticket that lists them, nothing half-written), and the export wizard offers it with the page the plug-in declared
 * on the extension point: its fields replace the wizard's own, are checked as typed, and Finish exports through them.
 */
class ConsoleDropExportTest {

    private static Path tmp;
    private static Path demo;
    private static ExportPackage pkg;

    @BeforeAll
    static void demoPackage() throws Exception {
        tmp = Files.createTempDirectory("isocenter-console-drop-");
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
        pkg = new PackageBuilder().build(PackageRequest.forPlan(demo.resolve(DemoPatient.RTPLAN_FILE)), ProgressMonitor.NONE);
    }

    @AfterAll
    static void closeDialogs() {
        for (Shell s : Display.getDefault().getShells()) {
            if (s.getData() instanceof WizardDialog && !s.isDisposed()) {
                s.close();
            }
        }
    }

    private static LinacExporter exporter() {
        return VendorExampleTest.service(LinacExporters.class).byId(ConsoleDropExporter.ID).orElseThrow(
                () -> new AssertionError("the example exporter is not offered"));
    }

    @Test
    void theExporterWritesEveryFileAndATicketAndVerifies() throws Exception {
        ConsoleDrop drop = new ConsoleDrop(tmp.resolve("drop-headless"), "LINAC_2");
        LinacExporter e = exporter();
        assertTrue(e.supports(drop));
        assertFalse(e.supports(new org.isocenter.export.ExportDestination.Folder(tmp.resolve("x"))));
        ExportReport report = e.export(pkg, drop, ProgressMonitor.NONE);
        assertTrue(report.success(), report.toString());
        Path job = ConsoleDropExporter.jobFolder(pkg, drop);
        assertTrue(Files.isDirectory(job), job.toString());
        try (Stream<Path> s = Files.list(job.getParent())) {
            assertEquals(List.of(job), s.toList(), "nothing half-written beside the job");
        }
        JsonObject ticket = JsonParser.parseString(Files.readString(job.resolve("ticket.json"))).getAsJsonObject();
        assertEquals("LINAC_2", ticket.get("machine").getAsString());
        assertEquals(DemoPatient.PATIENT.patientId(), ticket.get("patientId").getAsString());
        assertEquals(pkg.items().size(), ticket.getAsJsonArray("files").size());
        for (PackageItem item : pkg.items()) {
            ExportReport.ItemResult r = report.items().stream().filter(x -> x.item() == item).findFirst().orElseThrow();
            assertEquals(-1L, Files.mismatch(item.file(), job.resolve(r.deliveredAs())), "byte for byte: " + item.name());
        }
        VerificationReport v = e.verify(report, drop, null);
        assertTrue(v.passed(), v.toString());
        IOException again = assertThrows(IOException.class, () -> e.export(pkg, drop, ProgressMonitor.NONE));
        assertTrue(again.getMessage().contains("exists"), again.getMessage());
    }

    @Test
    void aMachineNameTheConsoleRefusesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConsoleDrop(tmp.resolve("d"), "linac 2/.."));
        assertTrue(e.getMessage().contains("machine name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConsoleDrop(Path.of("relative"), "L1"));
    }

    @Test
    void theWizardShowsThePluginsPageAndExportsThroughIt() throws Exception {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        ExportWizard wizard = new ExportWizard(List.of(new ExportSource(demo.resolve(DemoPatient.RTPLAN_FILE),
                "the demo plan", List.of(demo))));
        WizardDialog dialog = new WizardDialog(window, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.getShell().setSize(1000, 760);
        Shell shell = dialog.getShell();
        spinUntil(() -> !wizard.packagePage().checking(), 120_000, "the package check");
        assertTrue(wizard.packagePage().isPageComplete(), String.valueOf(wizard.packagePage().getErrorMessage()));
        press(shell, "Next");
        DestinationPage d = wizard.destinationPage();
        assertTrue(d.exporterIds().contains(ConsoleDropExporter.ID), d.exporterIds().toString());
        d.selectExporter("folder");
        assertEquals(null, d.contributedPage(), "the shipped exporters keep the wizard's own fields");
        d.selectExporter(ConsoleDropExporter.ID);
        assertNotNull(d.contributedPage(), "the page declared on the extension point");
        assertTrue(d.contributedPage() instanceof ConsoleDropPage, d.contributedPage().getClass().getName());
        ConsoleDropPage page = (ConsoleDropPage) d.contributedPage();
        Path root = tmp.resolve("drop-wizard");
        page.set(root.toString(), "bad name");
        assertFalse(d.isPageComplete(), "a machine name the console refuses blocks the page");
        assertTrue(d.getErrorMessage().contains("machine name"), d.getErrorMessage());
        page.set(root.toString(), "LINAC_1");
        assertTrue(d.isPageComplete(), String.valueOf(d.getErrorMessage()));
        assertTrue(d.getMessage().contains("console drop"), d.getMessage());
        assertSame(ConsoleDropExporter.ID, d.exporter().id());
        screenshot(shell, "example-destination-page.png");
        press(shell, "Next");
        press(shell, "Finish");
        spinUntil(() -> wizard.run() != null && !wizard.run().running(), 120_000, "the export");
        assertTrue(wizard.run().success(), wizard.run().summary());
        Path job = root.resolve("LINAC_1");
        try (Stream<Path> s = Files.list(job)) {
            Path one = s.findFirst().orElseThrow();
            assertTrue(Files.exists(one.resolve("ticket.json")), one.toString());
        }
        if (wizard.resultDialog() != null && wizard.resultDialog().getShell() != null) {
            wizard.resultDialog().getShell().close();
        }
    }

    private static void spinUntil(BooleanSupplier done, long timeoutMs, String what) {
        Display display = Display.getDefault();
        long end = System.currentTimeMillis() + timeoutMs;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

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

    private static void press(Shell shell, String label) {
        Button b = button(shell, label);
        assertNotNull(b, "button '" + label + "'");
        assertTrue(b.isEnabled(), "button '" + label + "' is enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** A screenshot of the shell into the folder the build names, for a person to look at. */
    private static void screenshot(Shell shell, String name) {
        String dir = System.getProperty("isocenter.screenshots");
        if (dir == null) {
            return;
        }
        Display display = shell.getDisplay();
        shell.layout(true, true);
        org.eclipse.swt.graphics.Point size = shell.getSize();
        shell.redraw(0, 0, size.x, size.y, true); // the children too
        shell.update();
        for (int i = 0; i < 10; i++) { // let the page switch paint
            while (display.readAndDispatch()) {
                // dispatch what is queued
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        org.eclipse.swt.graphics.Rectangle r = shell.getBounds();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, r.width, r.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            Files.createDirectories(Path.of(dir));
            loader.save(Path.of(dir, name).toString(), SWT.IMAGE_PNG);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
