/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.PackageItem;

/**
 * Page 3 of the Export wizard, the last before Finish: what will be sent where — the plan and patient, the exporter
 * and the destination, and per kind of object how many files are sent and how many are not meant for this destination
 * (the couch correction record is not DICOM: a DICOM node does not take it), with the total that the result will be
 * counted against.
 */
public final class SummaryPage extends WizardPage {

    private final PackagePage packagePage;
    private final DestinationPage destinationPage;
    private Label headline;
    private Table table;
    private Label notes;

    SummaryPage(PackagePage packagePage, DestinationPage destinationPage) {
        super("summary", Messages.SummaryPage_title, null);
        this.packagePage = packagePage;
        this.destinationPage = destinationPage;
        setDescription(Messages.SummaryPage_description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        headline = new Label(c, SWT.WRAP);
        GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
        hd.widthHint = 700;
        headline.setLayoutData(hd);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] names = { Messages.SummaryPage_columnContent, Messages.SummaryPage_columnSent,
                Messages.SummaryPage_columnNotSent, Messages.SummaryPage_columnWhyNot };
        int[] widths = { 260, 70, 80, 420 };
        for (int i = 0; i < names.length; i++) {
            TableColumn col = new TableColumn(table, i == 1 || i == 2 ? SWT.RIGHT : SWT.LEFT);
            col.setText(names[i]);
            col.setWidth(widths[i]);
        }
        notes = new Label(c, SWT.WRAP);
        GridData nd = new GridData(SWT.FILL, SWT.TOP, true, false);
        nd.widthHint = 700;
        notes.setLayoutData(nd);
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            update();
        }
        super.setVisible(visible);
    }

    /** Whether a package item goes to this destination (a DICOM node takes DICOM objects only). */
    static boolean sent(PackageItem item, ExportDestination destination) {
        return !(destination instanceof ExportDestination.DicomStore) || item.isDicom();
    }

    /** Fills the page from the package and destination pages. */
    void update() {
        ExportPackage pkg = packagePage.checkedPackage();
        ExportDestination d = destinationPage.destination();
        table.removeAll();
        if (pkg == null || d == null) {
            headline.setText(Messages.SummaryPage_incomplete);
            setPageComplete(false);
            return;
        }
        Map<String, int[]> byRole = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        int sent = 0, notSent = 0;
        for (PackageItem i : pkg.items()) {
            String role = role(i.role());
            int[] n = byRole.computeIfAbsent(role, k -> new int[2]);
            if (sent(i, d)) {
                n[0]++;
                sent++;
            } else {
                n[1]++;
                notSent++;
                why.put(role, NLS.bind(Messages.SummaryPage_notDicom, i.name()));
            }
        }
        if (packagePage.includeDrrs()) {
            int beams = packagePage.beamRows().size();
            byRole.put(Messages.SummaryPage_drrs, new int[] { beams, 0 });
            sent += beams;
        }
        byRole.forEach((role, n) -> {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { role, Integer.toString(n[0]), n[1] == 0 ? "" : Integer.toString(n[1]),
                    why.getOrDefault(role, "") });
        });
        String patient = pkg.patient().patientName().replace('^', ' ').trim() + " (" + pkg.patient().patientId() + ")";
        headline.setText(NLS.bind(d instanceof ExportDestination.DicomStore ? Messages.SummaryPage_headlineDicom
                : Messages.SummaryPage_headlineFiles, new Object[] { sent, pkg.planLabel(), patient,
                        destinationPage.exporter().id(), d.describe() }));
        List<String> lines = new ArrayList<>();
        if (notSent > 0) {
            lines.add(NLS.bind(notSent == 1 ? Messages.SummaryPage_notSentOne : Messages.SummaryPage_notSentMany, notSent,
                    sent));
        }
        if (destinationPage.readBack() != null) {
            lines.add(NLS.bind(Messages.SummaryPage_readBack, destinationPage.readBack()));
        } else if (d instanceof ExportDestination.DicomStore) {
            lines.add(Messages.SummaryPage_dicomConfirmed);
        } else {
            lines.add(Messages.SummaryPage_folderVerified);
        }
        pkg.warnings().forEach(lines::add);
        notes.setText(String.join("\n", lines));
        headline.getParent().layout(true, true);
        setPageComplete(true);
    }

    private static String role(PackageItem.Role r) {
        String s = r.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The headline (what goes where). */
    public String headlineText() {
        return headline.getText();
    }

    /** The table rows (content, sent, not sent, why not). */
    public List<String[]> rows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem i : table.getItems()) {
            out.add(new String[] { i.getText(0), i.getText(1), i.getText(2), i.getText(3) });
        }
        return out;
    }

    /** The table of what is sent (for tests that look at the screen). */
    public Table table() {
        return table;
    }

    /** The notes below the table. */
    public String notesText() {
        return notes.getText();
    }
}
