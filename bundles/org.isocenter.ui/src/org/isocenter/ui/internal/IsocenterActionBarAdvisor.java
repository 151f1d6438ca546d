/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * Menus: File (Import DICOM Folder…, Open Demo Patient contributed in plugin.xml, Exit), Edit (Undo, Redo: the
 * workbench operation history, e.g. structure edits; Ctrl+Z / Ctrl+Y), Window (perspectives, views, Preferences)
 * and Help (User Guide, Couch Sign Conventions, Keyboard Shortcuts, About: contributed in plugin.xml).
 */
final class IsocenterActionBarAdvisor extends ActionBarAdvisor {

    IsocenterActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        register(ActionFactory.QUIT.create(window));
        register(ActionFactory.PREFERENCES.create(window));
        register(ActionFactory.ABOUT.create(window));
        register(ActionFactory.RESET_PERSPECTIVE.create(window));
        register(ActionFactory.UNDO.create(window));
        register(ActionFactory.REDO.create(window));
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager(Messages.IsocenterActionBarAdvisor_fileMenu, IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.IMPORT_EXT));
        file.add(new Separator());
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(getAction(ActionFactory.QUIT.getId()));
        menuBar.add(file);

        MenuManager edit = new MenuManager(Messages.IsocenterActionBarAdvisor_editMenu, IWorkbenchActionConstants.M_EDIT);
        edit.add(getAction(ActionFactory.UNDO.getId()));
        edit.add(getAction(ActionFactory.REDO.getId()));
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(edit);

        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager windowMenu = new MenuManager(Messages.IsocenterActionBarAdvisor_windowMenu, IWorkbenchActionConstants.M_WINDOW);
        MenuManager perspectives = new MenuManager(Messages.IsocenterActionBarAdvisor_openPerspectiveMenu);
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        windowMenu.add(perspectives);
        MenuManager views = new MenuManager(Messages.IsocenterActionBarAdvisor_showViewMenu);
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(views);
        windowMenu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
        windowMenu.add(new Separator());
        windowMenu.add(getAction(ActionFactory.PREFERENCES.getId()));
        menuBar.add(windowMenu);

        MenuManager help = new MenuManager(Messages.IsocenterActionBarAdvisor_helpMenu, IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS)); // plugin.xml: guide, shortcuts, About
        menuBar.add(help);
    }
}
