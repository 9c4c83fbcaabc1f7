package org.thyronco.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: subject, roles and, for lab users, the lab whose cases they may see. */
@RequestScoped
public class Caller {

    /** Roles, as the token's groups claim carries them. */
    public static final String LAB = "lab";
    public static final String CLINICIAN = "clinician";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The lab scope sent downstream as X-Lab-Id; null (all labs) only for admins and unscoped clinicians. */
    public String labScope() {
        if (identity.hasRole(ADMIN)) {
            return null;
        }
        Object lab = jwt.getClaim("lab");
        if (lab != null) {
            return lab.toString().replace("\"", "");
        }
        // A lab user without a lab claim must not see every lab's cases.
        return identity.hasRole(LAB) ? "unscoped-lab-user" : null;
    }
}
