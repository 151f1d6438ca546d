/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.session.SessionRefusedException;
import org.isocenter.demo.DemoPatient;
import org.isocenter.session.PlanContext;
import org.isocenter.session.SessionListener.Change;
import org.isocenter.session.WorkingSession;
import org.isocenter.session.WorkingSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The working session as an OSGi service: one per process, listeners, the plan context and its refusals. */
class WorkingSessionTest {

    @AfterEach
    void clear() {
        WorkingSessions.current().clear();
    }

    @Test
    void theServiceIsTheOneSessionAndTellsItsListeners() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceReference<WorkingSession> ref = ctx.getServiceReference(WorkingSession.class);
        assertNotNull(ref, "the working session is registered by Declarative Services");
        WorkingSession service = ctx.getService(ref);
        List<Change> heard = new ArrayList<>();
        service.addListener(heard::add);
        try {
            ImageVolume ct = DemoPatient.planningCt();
            WorkingSessions.current().loaded().addImage(ct);
            assertSame(ct, service.loaded().images().get(0), "the service and WorkingSessions share one session");
            PlanContext context = new PlanContext(ct, DemoPatient.structureSet(), null, null, null, null);
            service.setPlanContext(context);
            assertSame(context, WorkingSessions.current().planContext().orElseThrow());
            assertTrue(Double.isNaN(context.prescriptionGy()), "no plan: no prescription");
            service.close();
            assertTrue(service.planContext().isEmpty() && service.loaded().images().isEmpty());
            assertEquals(List.of(Change.CONTEXT, Change.CLOSED), heard);
        } finally {
            ctx.ungetService(ref);
        }
    }

    @Test
    void aContextOrImageOfAnotherPatientIsRefused() throws Exception {
        WorkingSession s = WorkingSessions.current();
        ImageVolume ct = DemoPatient.planningCt();
        assertThrows(IllegalArgumentException.class, () -> s.setPlanContext(new PlanContext(ct, null, null, null, null,
                null)), "nothing loaded: no context");
        s.loaded().addImage(ct);
        ImageVolume other = new ImageVolume(ct.geometry(), new short[ct.geometry().voxelCount()], 1, -1024, "HU",
                new ImageVolumeInfo(new PatientIdentity("OTHER-1", "DOE^JANE", "", ""), "1.2.3", "1.2.4", "1.2.5", "CT",
                        PatientPosition.HFS, "20261121", "CT"));
        assertThrows(SessionRefusedException.class, () -> s.loaded().addImage(other));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.setPlanContext(new PlanContext(other, null, null, null, null, null)));
        assertTrue(e.getMessage().contains("OTHER-1") || e.getMessage().contains("DOE"), e.getMessage());
    }
}
