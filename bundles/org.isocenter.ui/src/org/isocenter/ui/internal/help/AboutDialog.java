/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Help ▸ About Isocenter: the product's about text (plugin.xml) in a label that wraps to the dialog's width, so that
 * nothing is clipped, and the version of the workbench bundle.
 */
public final class AboutDialog extends Dialog {

    private Label text;

    public AboutDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.AboutDialog_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        text = new Label(area, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = 520; // the label wraps here; its height follows
        text.setLayoutData(data);
        text.setText(aboutText());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The product's about text and the workbench bundle's version. */
    public static String aboutText() {
        var product = Platform.getProduct();
        String about = product == null ? null : product.getProperty("aboutText");
        String version = Platform.getBundle("org.isocenter.ui") == null ? ""
                : NLS.bind(Messages.AboutDialog_version, Platform.getBundle("org.isocenter.ui").getVersion());
        return (about == null ? Messages.AboutDialog_defaultText : about) + version;
    }

    /** The text label (tests: not clipped). */
    public Label textLabel() {
        return text;
    }
}
