/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;

/**
 * The Help menu's pages. The user guide and the couch sign conventions are the project's Markdown documents
 * (docs/user-guide.md, docs/couch-corrections.md: the one source, copied into the bundle's {@code help/} folder at
 * build time by the bundle's pom.xml) rendered by {@link MarkdownHtml}; the keyboard shortcuts page is built from
 * the workbench's active key bindings (so it cannot disagree with the menus) and the image viewer's mouse and keys.
 */
public enum HelpTopic {
    USER_GUIDE(Messages.HelpTopic_userGuide, "help/user-guide.md"),
    COUCH_CONVENTIONS(Messages.HelpTopic_couchConventions, "help/couch-corrections.md"),
    KEYBOARD_SHORTCUTS(Messages.HelpTopic_keyboardShortcuts, null);

    private final String title;
    private final String resource;

    HelpTopic(String title, String resource) {
        this.title = title;
        this.resource = resource;
    }

    public String title() {
        return title;
    }

    /** The page as HTML. */
    public String html() {
        return MarkdownHtml.page(title, markdown());
    }

    /** The page's Markdown (for the shortcuts, generated). */
    public String markdown() {
        if (resource == null) {
            return shortcuts();
        }
        try (InputStream in = HelpTopic.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return NLS.bind(Messages.HelpTopic_notInBuild, title, resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return NLS.bind(Messages.HelpTopic_cannotRead, new Object[] { title, resource, e.getMessage() });
        }
    }

    /** The active key bindings of the workbench's commands, then the image viewer's mouse and keys. */
    private static String shortcuts() {
        StringBuilder md = new StringBuilder(NLS.bind(Messages.HelpTopic_commandsTable, KEYBOARD_SHORTCUTS.title));
        Map<String, String> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (PlatformUI.isWorkbenchRunning()) {
            IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
            if (bindings != null) {
                for (Binding b : bindings.getBindings()) {
                    if (b.getParameterizedCommand() == null || b.getType() != Binding.SYSTEM && b.getType() != Binding.USER) {
                        continue;
                    }
                    TriggerSequence active = bindings.getBestActiveBindingFor(b.getParameterizedCommand());
                    if (active == null) {
                        continue;
                    }
                    String name;
                    try {
                        name = b.getParameterizedCommand().getName();
                    } catch (Exception e) {
                        continue;
                    }
                    rows.put(name, active.format());
                }
            }
        }
        rows.forEach((name, keys) -> md.append("| ").append(name.replace("|", "/")).append(" | ").append(keys).append(" |\n"));
        md.append(Messages.HelpTopic_viewerTable);
        return md.toString();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
