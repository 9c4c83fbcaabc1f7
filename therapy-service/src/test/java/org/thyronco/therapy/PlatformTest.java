package org.thyronco.therapy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.thyronco.infra.EmbeddedInfraResource;
import org.thyronco.infra.PlatformContract;

/** Runs the shared platform contract against this service on real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class PlatformTest extends PlatformContract {}
