/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.isocenter.export.ExportReport;

/**
 * The status table of an export (modeless): a summary sentence that claims success only when every file was delivered
 * and, when read back, verified; one row per package file (status DELIVERED / DELIVERED_WITH_WARNING / FAILED /
 * NOT_SENT / NOT_APPLICABLE, attempts, verification, detail); Retry sends again only what was not delivered.
 */
public final class ExportResultDialog extends Dialog {

    /** Button id of Retry. */
    public static final int RETRY_ID = IDialogConstants.CLIENT_ID + 1;

    private final ExportRun run;
    private Label icon;
    private Label summary;
    private Table table;

    ExportResultDialog(Shell parent, ExportRun run) {
        super(parent);
        this.run = run;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.ExportResultDialog_title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(1000, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        icon = new Label(c, SWT.NONE);
        icon.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        summary = new Label(c, SWT.WRAP);
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
        sd.widthHint = 900;
        summary.setLayoutData(sd);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        String[] names = { Messages.ExportResultDialog_columnFile, Messages.ExportResultDialog_columnRole,
                Messages.ExportResultDialog_columnStatus, Messages.ExportResultDialog_columnAttempts,
                Messages.ExportResultDialog_columnVerification, Messages.ExportResultDialog_columnDetail };
        int[] widths = { 240, 170, 170, 80, 110, 420 };
        for (int i = 0; i < names.length; i++) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(names[i]);
            col.setWidth(widths[i]);
        }
        return c;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, RETRY_ID, Messages.ExportResultDialog_retry, false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
        refresh();
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == RETRY_ID) {
            retry();
        } else if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Sends again what was not delivered (as the Retry button does); the table updates when the retry ends. */
    public void retry() {
        if (run.retry() != null) {
            refresh();
        }
    }

    @Override
    public boolean close() {
        run.dispose();
        return super.close();
    }

    /** Shows the run's current state. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        summary.setText(run.summary());
        icon.setImage(getShell().getDisplay().getSystemImage(run.running() ? SWT.ICON_WORKING
                : run.success() ? SWT.ICON_INFORMATION : SWT.ICON_ERROR));
        table.removeAll();
        for (ExportRun.FileRow r : run.rows()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { r.file(), r.role(), r.outcome(), Integer.toString(r.attempts()), r.check(), r.detail() });
            boolean bad = r.outcome().equals(ExportReport.Outcome.FAILED.name())
                    || r.outcome().equals(ExportReport.Outcome.NOT_SENT.name())
                    || (!r.check().isEmpty() && !r.check().equals("MATCH") && !r.check().equals("not verified")
                            && !r.check().equals("NOT_CHECKED"));
            if (bad) {
                item.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        Button retry = getButton(RETRY_ID);
        if (retry != null) {
            retry.setEnabled(run.canRetry());
        }
        summary.getParent().layout(true, true);
    }

    /** The summary sentence shown. */
    public String summaryText() {
        return summary.getText();
    }

    /** The table rows (file, role, status, attempts, verification, detail). */
    public List<String[]> rows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem i : table.getItems()) {
            String[] r = new String[table.getColumnCount()];
            for (int k = 0; k < r.length; k++) {
                r[k] = i.getText(k);
            }
            out.add(r);
        }
        return out;
    }

    /** Whether Retry can be pressed. */
    public boolean retryEnabled() {
        Button b = getButton(RETRY_ID);
        return b != null && b.isEnabled();
    }
}
