/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.export.AuditEntry;
import org.isocenter.export.AuditLog;
import org.isocenter.ui.internal.export.ExportAudit;
import org.isocenter.ui.internal.UiErrors;

/**
 * Export Audit: the entries of the append-only export audit log ({@link ExportAudit#log()}), newest first — time
 * (UTC), user, action, patient, plan, destination, files delivered / total, result, verification — and the selected
 * entry's files and detail below. Refreshed after every export, retry or refusal of the workbench, and by its
 * Refresh button (the CLI writes to the same log).
 */
public final class ExportAuditView extends ViewPart {

    private static final String[] COLUMNS = { Messages.ExportAuditView_columnTime, Messages.ExportAuditView_columnUser,
            Messages.ExportAuditView_columnAction, Messages.ExportAuditView_columnPatient, Messages.ExportAuditView_columnPlan,
            Messages.ExportAuditView_columnDestination, Messages.ExportAuditView_columnFiles,
            Messages.ExportAuditView_columnResult, Messages.ExportAuditView_columnVerification };
    private static final int[] WIDTHS = { 170, 80, 60, 200, 90, 260, 90, 90, 90 };

    private Label status;
    private Table table;
    private Text details;
    private List<AuditEntry> entries = List.of();
    private final Runnable listener = () -> {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
        }
        table.addListener(SWT.Selection, e -> showDetails());
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        sash.setWeights(65, 35);
        Action refresh = new Action(Messages.ExportAuditView_refresh) {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText(Messages.ExportAuditView_refreshTooltip);
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        ExportAudit.addListener(listener);
        refresh();
    }

    /** Reads the log again and shows it newest first. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        AuditLog log = ExportAudit.log();
        try {
            List<AuditEntry> read = new ArrayList<>(log.read());
            Collections.reverse(read);
            entries = read;
            status.setText(NLS.bind(entries.size() == 1 ? Messages.ExportAuditView_statusOne
                    : Messages.ExportAuditView_statusMany, entries.size(), log.file()));
        } catch (IOException e) {
            entries = List.of();
            status.setText(UiErrors.warn(NLS.bind(Messages.ExportAuditView_unreadable, e.getMessage()), e).getMessage());
        }
        table.removeAll();
        for (AuditEntry e : entries) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(row(e));
            if (!e.result().equals("SUCCESS") || e.verification().equals("FAILED")) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        if (!entries.isEmpty()) {
            table.select(0);
        }
        showDetails();
        status.getParent().layout(true, true);
    }

    private static String[] row(AuditEntry e) {
        String patient = e.patientName().isEmpty() && e.patientId().isEmpty() ? ""
                : e.patientName().replace('^', ' ').trim() + " (" + e.patientId() + ")"; // DICOM PN: family^given
        return new String[] { e.time(), e.user(), e.action(), patient, e.planLabel(), e.destination(),
                e.filesDelivered() + " / " + meantToBeSent(e), e.result(), e.verification() };
    }

    /** Files the export was meant to send: a file not applicable to the destination (the log to a DICOM node) is not counted. */
    private static int meantToBeSent(AuditEntry e) {
        return e.files().isEmpty() ? e.filesTotal()
                : (int) e.files().stream().filter(f -> !"NOT_APPLICABLE".equals(f.outcome())).count();
    }

    private void showDetails() {
        int i = table.getSelectionIndex();
        if (i < 0 || i >= entries.size()) {
            details.setText("");
            return;
        }
        AuditEntry e = entries.get(i);
        StringBuilder b = new StringBuilder();
        b.append(NLS.bind(Messages.ExportAuditView_detailsAction, new Object[] { e.time(), e.user(), e.host(), e.action(),
                e.exporter(), e.destination() })).append('\n');
        b.append(NLS.bind(Messages.ExportAuditView_detailsPlan, e.planLabel(), e.planSopInstanceUid())).append('\n');
        b.append(NLS.bind(Messages.ExportAuditView_detailsResult, new Object[] { e.result(), e.verification(),
                e.filesDelivered(), meantToBeSent(e) })).append('\n');
        if (!e.detail().isEmpty()) {
            b.append(e.detail()).append('\n');
        }
        for (AuditEntry.FileOutcome f : e.files()) {
            b.append("  ").append(f.outcome()).append("  ").append(f.role()).append("  ").append(f.name()).append("  ")
                    .append(f.sopInstanceUid()).append('\n');
        }
        details.setText(b.toString());
    }

    /** The table rows as shown (for tests). */
    public List<String[]> rows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] r = new String[COLUMNS.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = item.getText(k);
            }
            out.add(r);
        }
        return out;
    }

    /** The details of the selected entry. */
    public String detailsText() {
        return details.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        ExportAudit.removeListener(listener);
        super.dispose();
    }
}
