package org.isocenter.registration;

import org.isocenter.core.progress.ProgressMonitor;

/** A way to register a daily image to the planning CT; vendors may add their own (e.g. deformable) ones. */
public interface RegistrationAlgorithm {

    String id();

    RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor);
}
