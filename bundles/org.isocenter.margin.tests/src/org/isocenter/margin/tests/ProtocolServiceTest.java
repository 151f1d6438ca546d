/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.margin.CorrectionProtocol;
import org.isocenter.margin.CorrectionProtocolProvider;
import org.isocenter.margin.CorrectionProtocols;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** A clinic's correction protocol offered as an OSGi service is found by id; built-in ids cannot be taken over. */
class ProtocolServiceTest {

    /** "NAL with a longer imaging phase": the clinic's name for NAL(N) with its own default N. */
    private record ClinicNal(String id) implements CorrectionProtocolProvider {
        @Override
        public String description() {
            return "clinic NAL, default 5 imaged fractions";
        }

        @Override
        public CorrectionProtocol create(List<String> parameters) {
            return CorrectionProtocols.nal(parameters.isEmpty() ? 5 : Integer.parseInt(parameters.get(0)));
        }
    }

    @Test
    void serviceProtocolsAreParsedByIdNextToTheBuiltInOnes() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "runs in OSGi");
        ServiceRegistration<CorrectionProtocolProvider> own = context.registerService(CorrectionProtocolProvider.class,
                new ClinicNal("clinic-nal"), null);
        ServiceRegistration<CorrectionProtocolProvider> clash = context.registerService(CorrectionProtocolProvider.class,
                new ClinicNal("nal"), null);
        try {
            CorrectionProtocol p = service(CorrectionProtocols.class).parse("clinic-nal");
            assertEquals("nal", p.id());
            assertEquals(5, p.firstEvaluatedFraction(), "the provider's default");
            assertEquals(2, service(CorrectionProtocols.class).parse("clinic-nal:2").firstEvaluatedFraction());
            // the built-in nal keeps its own default of 3, the clashing service is ignored
            assertEquals(3, service(CorrectionProtocols.class).parse("nal").firstEvaluatedFraction());
            assertEquals(List.of("clinic-nal"), service(CorrectionProtocols.class).providers().stream().map(CorrectionProtocolProvider::id).toList());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service(CorrectionProtocols.class).parse("weekly"));
            assertTrue(e.getMessage().contains("clinic-nal"), "the message lists the service protocols: " + e.getMessage());
        } finally {
            own.unregister();
            clash.unregister();
        }
        assertThrows(IllegalArgumentException.class, () -> service(CorrectionProtocols.class).parse("clinic-nal"));
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(ProtocolServiceTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
