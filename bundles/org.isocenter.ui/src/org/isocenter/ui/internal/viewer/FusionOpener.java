/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.views.ImageViewerView;

/**
 * Opens a fusion in the Registration perspective: the fixed image (e.g. the planning CT) in the Image Viewer, then the
 * moving image (e.g. a daily CBCT) fused with it through its registration, once the fixed image has loaded. Images
 * are found among the imported series by Series Instance UID (the newest import's record).
 */
public final class FusionOpener {

    private FusionOpener() {
    }

    /** The imported series with this UID, if any (the newest import's record). */
    public static Optional<SeriesRecord> findSeries(String uid) {
        List<DicomIndex> indexes = PatientSession.get().indexes();
        for (int i = indexes.size() - 1; i >= 0; i--) {
            Optional<SeriesRecord> s = indexes.get(i).series(uid);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** Opens the fusion of the two series by UID; returns a sentence for the status line. */
    public static String open(IWorkbenchPage page, String fixedUid, String movingUid) {
        Optional<SeriesRecord> fixed = findSeries(fixedUid), moving = findSeries(movingUid);
        if (fixed.isEmpty() || moving.isEmpty()) {
            return fixed.isEmpty() ? NLS.bind(Messages.FusionOpener_planningNotImported, fixedUid)
                    : NLS.bind(Messages.FusionOpener_dailyNotImported, movingUid);
        }
        return open(page, fixed.get(), moving.get());
    }

    /** Opens the fusion of the two series; returns a sentence for the status line. */
    public static String open(IWorkbenchPage page, SeriesRecord fixed, SeriesRecord moving) {
        try {
            PlatformUI.getWorkbench().showPerspective(IsocenterUi.PERSPECTIVE_REGISTRATION, page.getWorkbenchWindow());
        } catch (Exception e) {
            return NLS.bind(Messages.FusionOpener_noPerspective, e.getMessage());
        }
        ImageViewerView v;
        try {
            v = (ImageViewerView) page.getWorkbenchWindow().getActivePage().showView(IsocenterUi.VIEW_IMAGE_VIEWER, null,
                    IWorkbenchPage.VIEW_VISIBLE);
        } catch (Exception e) {
            return NLS.bind(Messages.FusionOpener_noImageViewer, e.getMessage());
        }
        if (v.volume() == null || !v.volume().info().seriesInstanceUid().equals(fixed.seriesInstanceUid())) {
            v.show(fixed);
        }
        fuseWhenLoaded(v, fixed, moving, System.currentTimeMillis() + 120_000);
        return NLS.bind(Messages.FusionOpener_fusing, moving.description(), fixed.description());
    }

    private static void fuseWhenLoaded(ImageViewerView v, SeriesRecord fixed, SeriesRecord moving, long deadline) {
        if (v.volume() != null && v.volume().info().seriesInstanceUid().equals(fixed.seriesInstanceUid())) {
            v.loadSecondary(moving);
        } else if (System.currentTimeMillis() < deadline) {
            Display.getDefault().timerExec(200, () -> fuseWhenLoaded(v, fixed, moving, deadline));
        }
    }
}
