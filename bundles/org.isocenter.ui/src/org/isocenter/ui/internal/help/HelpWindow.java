/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A help page in its own window: the HTML in an SWT Browser, or, where no browser engine is available, the Markdown
 * as plain text; "Open in System Browser" saves the HTML to a temporary file and opens it there.
 */
public final class HelpWindow {

    private final Shell shell;
    private final HelpTopic topic;
    private final String html;
    private final Control content;

    private HelpWindow(Shell parent, HelpTopic topic) {
        this.topic = topic;
        this.html = topic.html();
        shell = new Shell(parent, SWT.SHELL_TRIM);
        shell.setText(topic.title());
        shell.setLayout(new GridLayout(1, false));
        Control c;
        try {
            Browser browser = new Browser(shell, SWT.NONE);
            browser.setText(html);
            c = browser;
        } catch (SWTError e) { // no browser engine (e.g. WebKitGTK missing): the Markdown, readable as it is
            Text text = new Text(shell, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
            text.setText(topic.markdown());
            c = text;
        }
        content = c;
        content.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        Button external = new Button(buttons, SWT.PUSH);
        external.setText(Messages.HelpWindow_openExternally);
        external.setToolTipText(Messages.HelpWindow_openExternallyTooltip);
        external.addListener(SWT.Selection, e -> openExternally());
        Button close = new Button(buttons, SWT.PUSH);
        close.setText(Messages.HelpWindow_close);
        close.addListener(SWT.Selection, e -> shell.close());
        external.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        close.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        var area = parent == null ? shell.getDisplay().getPrimaryMonitor().getClientArea() : parent.getBounds();
        int w = Math.min(900, area.width - 40), h = Math.min(800, area.height - 40);
        shell.setBounds(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    }

    /** Opens a help page over {@code parent}. */
    public static HelpWindow open(Shell parent, HelpTopic topic) {
        HelpWindow w = new HelpWindow(parent, topic);
        w.shell.open();
        return w;
    }

    /** Writes the page to a temporary HTML file and opens it in the system browser; the file (tests). */
    public Path openExternally() {
        try {
            Path file = Files.createTempFile("isocenter-" + topic + "-", ".html");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            Program.launch(file.toUri().toString());
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    public Shell shell() {
        return shell;
    }

    public HelpTopic topic() {
        return topic;
    }

    /** The page's HTML. */
    public String html() {
        return html;
    }

    /** Whether the page shows in an SWT Browser (else as text). */
    public boolean usesBrowser() {
        return content instanceof Browser;
    }
}
