/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.page;
import static org.isocenter.ui.tests.UiTestSupport.screenshot;
import static org.isocenter.ui.tests.UiTestSupport.spinUntil;
import static org.isocenter.ui.tests.UiTestSupport.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.isocenter.demo.DemoPatient;
import org.isocenter.igrt.Alert;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.isocenter.ui.internal.views.CourseReviewView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Course view on the demo course: the ten demo fractions recorded by {@code register --record} (soft-tissue
 * match, prostate site, pelvis CBCT dose) into a store of the test's own, then shown for the demo plan: one row per
 * fraction, the alerts the demo truth gives (outline from fraction 7, soft tissue against bone on 10), the imaging
 * dose, the eNAL proposal applied to the reference; selecting a fraction fuses its daily image. Screenshots at
 * 1280x800 (view in its tab, and maximised) and 1600x1000.
 */
class CourseReviewWorkbenchTest {

    @AfterAll
    static void restore() {
        IsocenterUiPlugin.get().getPreferenceStore().setToDefault(PreferenceDefaults.RECORD_DB);
        UiTestSupport.page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
    }

    @Test
    void theDemoCourseIsReviewedWithItsAlertsTrendAndOfflineProtocol() throws Exception {
        UiTestSupport.awaitStartup();
        Path db = Files.createTempDirectory("course-view").resolve("records");
        String url = "jdbc:h2:file:" + db;
        for (var spec : DemoPatient.allDailyImages()) {
            UiTestSupport.cli(List.of("register", "--planning",
                    PreferenceDefaults.demoFolder().resolve(DemoPatient.CT_FOLDER).toString(), "--daily",
                    PreferenceDefaults.demoFolder().resolve(DemoPatient.dailyFolder(spec.fraction())).toString(),
                    "--match", "soft-tissue", "--record", "--db", url, "--user", "rtt", "--site", "prostate",
                    "--imaging-protocol", "kv-cbct-pelvis"));
        }
        IsocenterUiPlugin.get().getPreferenceStore().setValue(PreferenceDefaults.RECORD_DB, url);

        UiTestSupport.showDemoPlanningCtForIgrt();
        CourseReviewView view = (CourseReviewView) page().showView(IsocenterUi.VIEW_COURSE, null,
                IWorkbenchPage.VIEW_ACTIVATE);
        AtomicInteger refreshed = new AtomicInteger();
        Runnable counter = refreshed::incrementAndGet;
        CourseReviewView.addRefreshListener(counter);
        try {
            view.refresh();
            spinUntil(() -> refreshed.get() > 0 && view.review() != null, 30_000, "the course read: " + view.problem());
            var review = view.review();
            assertEquals(10, review.view().fractions().size());
            assertEquals("prostate", review.view().course().site());
            Map<String, Set<Integer>> fired = new TreeMap<>();
            for (Alert a : review.view().alerts()) {
                fired.computeIfAbsent(a.rule(), r -> new TreeSet<>()).add(a.fraction());
            }
            assertEquals(Set.of(7, 8, 9, 10), fired.get("external-contour-change"), fired.toString());
            assertEquals(Set.of(10), fired.get("soft-tissue-bone-difference"), fired.toString());
            Table fractions = table(view, 0), alerts = table(view, 1);
            assertEquals(10, fractions.getItemCount(), "one row per fraction");
            assertEquals(review.view().alerts().size(), alerts.getItemCount());
            assertTrue(fractions.getItem(6).getText(13).contains("external-contour-change"),
                    "fraction 7's row names its alert: " + fractions.getItem(6).getText(13));
            assertTrue(review.offlineProtocol().pending(), review.offlineProtocol().message());

            UiTestSupport.shell().setSize(1280, 800);
            UiTestSupport.settle();
            screenshot("course-tab-1280.png");
            page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
            UiTestSupport.settle();
            screenshot("course-maximised-1280.png");
            UiTestSupport.shell().setSize(1600, 1000);
            UiTestSupport.settle();
            screenshot("course-maximised-1600.png");
            page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED);

            // apply the eNAL proposal: recorded from fraction 11, nothing pending afterwards
            int before = refreshed.get();
            String applied = view.applyProposal();
            assertTrue(applied.contains("from fraction 11"), applied);
            spinUntil(() -> refreshed.get() > before && view.review() != null
                    && !view.review().offlineProtocol().pending(), 30_000, "the applied correction shown");
            assertEquals(1, view.review().view().referenceCorrections().size());

            // selecting fraction 7 fuses its daily image with the planning CT
            fractions.setSelection(6);
            fractions.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            spinUntil(() -> viewer().model().scene().secondary().filter(v -> v.info().seriesInstanceUid()
                    .equals(DemoPatient.dailySeriesUid(7))).isPresent(), 60_000, "fraction 7 fused");
            screenshot("course-fraction7-fused-1600.png");

            // the Margin Policy view reads Σ, σ of the site's courses from the same store, as margin-policy --db does
            try (var store = org.isocenter.igrt.RecordStores.open(url, org.isocenter.igrt.AdaptiveRules.of())) {
                var other = store.createCourse(org.isocenter.igrt.Course.draft(new org.isocenter.igrt.Patient("P-2",
                        "Other^Patient"), new org.isocenter.igrt.Plan("1.2.3.4.5", "other"), "1.2.3.5", "1.2.3.6",
                        new org.isocenter.igrt.Prescription(60, 20)).withSite("prostate"));
                for (int f = 1; f <= 3; f++) {
                    store.record(new org.isocenter.igrt.DecisionRequest(other.id(), f, "P-2", "1.2.3.7." + f, "1.2.3.8",
                            "1.2.3.5", "1.2.3.6", "bone-6dof", new org.isocenter.igrt.TableTopCorrection(f, -f, 1, 0, 0, 0),
                            org.isocenter.core.patient.PatientPosition.HFS, "APPLY", org.isocenter.igrt.Decision.ACCEPTED,
                            "rtt", null, "", false, null, null));
                }
            }
            var margin = (org.isocenter.ui.internal.views.MarginPolicyView) page().showView(
                    IsocenterUi.VIEW_MARGIN_POLICY, null, IWorkbenchPage.VIEW_ACTIVATE);
            margin.selectSite("prostate");
            margin.importFromRecordStore();
            var cli = UiTestSupport.cli(List.of("margin-policy", "--db", url, "--site", "prostate"));
            int accepted = cli.getAsJsonObject("population").get("fractions").getAsInt();
            assertTrue(margin.sourceText().contains("2 patients, " + accepted + " fractions"), margin.sourceText());
            assertEquals("", margin.warningText());
        } finally {
            CourseReviewView.removeRefreshListener(counter);
        }
    }

    private static Table table(CourseReviewView view, int which) {
        return which == 0 ? view.fractionsTable() : view.alertsTable();
    }

}
