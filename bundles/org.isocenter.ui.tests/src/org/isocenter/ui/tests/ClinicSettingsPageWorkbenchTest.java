/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.screenshot;
import static org.isocenter.ui.tests.UiTestSupport.settle;
import static org.isocenter.ui.tests.UiTestSupport.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.MatchOn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Registration / IGRT preference page edits the clinic settings file the command line reads: values typed on
 * the page are in {@code clinic.properties} after OK (nothing half-written beside it), an action level above the
 * maximum keeps OK from saving, and a file that cannot be read is named on the page with its bad key.
 */
class ClinicSettingsPageWorkbenchTest {

    private static final String PAGE = "org.isocenter.ui.preferences.registration";
    private static final Path CLINIC = ClinicSettings.defaultFile();

    @AfterAll
    static void restore() throws Exception {
        Files.deleteIfExists(CLINIC);
    }

    private static PreferenceDialog open() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1280, 800);
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(shell, PAGE, null, null);
        d.setBlockOnOpen(false);
        d.open();
        return d;
    }

    /** The text field right after the label that starts with {@code label} (mnemonics ignored). */
    private static Text field(Control root, String label) {
        List<Control> all = new ArrayList<>();
        collect(root, all);
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i) instanceof Label l && l.getText().replace("&", "").startsWith(label)
                    && all.get(i + 1) instanceof Text t) {
                return t;
            }
        }
        throw new AssertionError("no field labelled '" + label + "'");
    }

    private static void collect(Control c, List<Control> out) {
        out.add(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    private static Button button(Control root, String text) {
        List<Control> all = new ArrayList<>();
        collect(root, all);
        return all.stream().filter(c -> c instanceof Button b && b.getText().replace("&", "").equals(text))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    private static void type(Text t, String value) {
        t.setText(value);
        t.notifyListeners(SWT.Modify, new Event());
        t.notifyListeners(SWT.KeyUp, new Event()); // what field editors validate on
        t.notifyListeners(SWT.FocusOut, new Event());
    }

    @Test
    void okWritesTheClinicFileTheCommandLineReadsAndRefusesInconsistentLimits() throws Exception {
        UiTestSupport.awaitStartup();
        Files.deleteIfExists(CLINIC);
        PreferenceDialog d = open();
        try {
            PreferencePage page = (PreferencePage) d.getSelectedPage();
            assertNotNull(page, "the Registration / IGRT page is shown");
            Control root = d.getShell();
            assertEquals(3.0, Double.parseDouble(field(root, "Action level, translation").getText()), 0.0, "no file: the defaults");
            type(field(root, "Action level, translation"), "2.5");
            type(field(root, "Soft-tissue match: margin"), "15");
            settle();
            screenshot(d.getShell(), "preferences-clinic-1280x800.png");
            // an action level above the maximum: the page says so and OK saves nothing
            type(field(root, "Maximum translation"), "2");
            settle();
            Button ok = button(root, "Apply and Close");
            if (ok.isEnabled()) { // disabled once the page has checked the limits; pressed, it must refuse to save
                ok.notifyListeners(SWT.Selection, new Event());
                settle();
            }
            assertFalse(d.getShell() == null || d.getShell().isDisposed(), "the dialog stays open");
            screenshot(d.getShell(), "preferences-clinic-refused.png");
            assertFalse(Files.exists(CLINIC), "nothing saved while the limits contradict");
            String refused = String.valueOf(page.getErrorMessage()) + " / " + d.getShell().getText();
            System.out.println("clinic settings page, contradicting limits: " + refused + " / valid " + page.isValid());
            assertTrue(refused.contains("below the maximum") || refused.contains("NOT saved"), refused);
            type(field(root, "Maximum translation"), "12");
            settle();
            // the algorithm's own parameters: out of its range is refused naming it, in range is kept
            type(field(root, "Translation search range"), "200");
            settle();
            assertTrue(String.valueOf(page.getErrorMessage()).contains("searchTranslationMm"), page.getErrorMessage());
            assertFalse(page.isValid(), "a parameter out of its range blocks OK");
            type(field(root, "Translation search range"), "30");
            settle();
            assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
            button(root, "Apply and Close").notifyListeners(SWT.Selection, new Event());
            spinUntil(() -> d.getShell() == null || d.getShell().isDisposed(), 5_000, "the dialog to close");
        } finally {
            if (d.getShell() != null && !d.getShell().isDisposed()) {
                d.close();
            }
        }
        ClinicSettings saved = ClinicSettings.load(CLINIC);
        assertEquals(2.5, saved.limits().actionLevelMm(), 0.0);
        assertEquals(12, saved.limits().maxTranslationMm(), 0.0);
        assertEquals(15, saved.softTissueMarginMm(), 0.0);
        assertEquals(MatchOn.BONE, saved.defaultMatch());
        assertTrue(saved.sixDofCouch());
        assertEquals(java.util.Map.of("searchTranslationMm", 30.0), saved.algorithmParameters(),
                "the value that differs from its default, and only it");
        assertEquals(30.0, org.isocenter.igrt.MatchProtocol.of(saved).algorithmParameters().get("searchTranslationMm"),
                "what the command line's and the workbench's matches run with");
        try (var dir = Files.list(CLINIC.getParent())) {
            assertEquals(List.of(), dir.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "nothing half-written left beside the file");
        }

        // a file that cannot be read: the page names the file and the key (Cancel leaves it as it is)
        Files.writeString(CLINIC, ClinicSettings.ACTION_MM + "=three\n");
        PreferenceDialog broken = open();
        try {
            PreferencePage page = (PreferencePage) broken.getSelectedPage();
            settle();
            String message = String.valueOf(page.getErrorMessage());
            assertTrue(message.contains(CLINIC.getFileName().toString()) && message.contains(ClinicSettings.ACTION_MM),
                    message);
            screenshot(broken.getShell(), "preferences-clinic-unreadable.png");
        } finally {
            broken.close();
        }
        assertEquals(ClinicSettings.ACTION_MM + "=three\n", Files.readString(CLINIC), "the bad file is left as it was");
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setSize(1600, 1000);
    }
}
