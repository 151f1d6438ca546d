/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The summary at the end of File ▸ Import DICOM Folder: a headline (how many objects were imported, how many files were
 * not) and a table naming every file that was not imported or is not DICOM, and every series warning, with the
 * reason (the reason's full text as tooltip; Copy puts the whole report on the clipboard).
 */
public final class ImportReportDialog extends Dialog {

    /** Button id of Copy. */
    public static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final ImportReport report;
    private Label headline;
    private Table table;

    public ImportReportDialog(Shell parent, ImportReport report) {
        super(parent);
        this.report = report;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(report.failure().isEmpty() && report.rows(ImportReport.NOT_IMPORTED).isEmpty()
                && report.rows(ImportReport.NOT_DICOM).isEmpty() ? Messages.ImportReportDialog_titleWarnings
                        : Messages.ImportReportDialog_titleProblems);
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 900), Math.min(Math.max(p.y, 420), 700));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        Label icon = new Label(c, SWT.NONE);
        icon.setImage(c.getDisplay().getSystemImage(report.instances() == 0 ? SWT.ICON_ERROR : SWT.ICON_WARNING));
        icon.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        headline = new Label(c, SWT.WRAP);
        headline.setText(NLS.bind(report.rows().isEmpty() ? Messages.ImportReportDialog_headline
                : Messages.ImportReportDialog_headlineListed, report.headline()));
        GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
        hd.widthHint = 800;
        headline.setLayoutData(hd);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        td.heightHint = 260;
        table.setLayoutData(td);
        String[] names = { Messages.ImportReportDialog_columnKind, Messages.ImportReportDialog_columnWhat,
                Messages.ImportReportDialog_columnReason };
        int[] widths = { 120, 260, 600 };
        for (int i = 0; i < names.length; i++) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(names[i]);
            col.setWidth(widths[i]);
        }
        for (ImportReport.Row r : report.rows()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { r.kind(), r.what(), r.reason() });
            if (!r.kind().equals(ImportReport.WARNING)) {
                item.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        table.addListener(SWT.MouseHover, e -> {
            TableItem item = table.getItem(new Point(e.x, e.y));
            table.setToolTipText(item == null ? null
                    : NLS.bind(Messages.ImportReportDialog_rowTooltip, item.getText(1), item.getText(2)));
        });
        if (report.rows().isEmpty()) {
            table.setVisible(false);
            td.exclude = true;
        }
        return c;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, Messages.ImportReportDialog_copyReport, false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { text() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The report as plain text (Copy). */
    public String text() {
        StringBuilder b = new StringBuilder(report.headline()).append('\n');
        for (ImportReport.Row r : report.rows()) {
            b.append(r.kind()).append('\t').append(r.what()).append('\t').append(r.reason()).append('\n');
        }
        return b.toString();
    }

    /** The headline shown. */
    public String headlineText() {
        return headline.getText();
    }

    /** The table rows (kind, file or series, reason). */
    public List<String[]> rows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem i : table.getItems()) {
            out.add(new String[] { i.getText(0), i.getText(1), i.getText(2) });
        }
        return out;
    }

    public ImportReport report() {
        return report;
    }
}
