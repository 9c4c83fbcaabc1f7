package org.thyronco.genomics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.JDBCException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.thyronco.infra.EmbeddedInfraResource;

/**
 * The finding → profile rule is enforced by the database once per statement (V5), not by a row-level foreign key;
 * these tests show it still refuses what the foreign key refused.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, restrictToAnnotatedClass = false)
class FindingIntegrityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aFindingOfAProfileThatDoesNotExistIsRefused() {
        Throwable e = assertThrows(Throwable.class, () -> sessions.withTransaction(s -> s.createNativeQuery(
                "insert into finding (profile_id, ordinal, type, locations, warnings) values (cast(?1 as uuid), 1,"
                        + " 'VARIANT', '[]', '[]')").setParameter(1, UUID.randomUUID())
                .executeUpdate()).await().atMost(WAIT));
        assertForeignKeyViolation(e);
    }

    @Test
    void aProfileWithFindingsCannotBeDeletedOrReKeyed() {
        String caseId = "CASE-FK-" + System.nanoTime();
        given().header("X-Lab-Id", "LAB-1").contentType(ContentType.JSON).body(Fixtures.anaplasticCase(caseId))
                .when().post("/cases").then().statusCode(201);
        String profileId = given().header("X-Lab-Id", "LAB-1").contentType("text/vcf").queryParam("build", "GRCh38")
                .body(Fixtures.brafVcf()).when().post("/cases/{id}/uploads", caseId).then().statusCode(201)
                .extract().path("id");

        assertForeignKeyViolation(assertThrows(Throwable.class, () -> sessions.withTransaction(s -> s
                .createNativeQuery("delete from profile where id = cast(?1 as uuid)").setParameter(1, profileId)
                .executeUpdate()).await().atMost(WAIT)));
        assertForeignKeyViolation(assertThrows(Throwable.class, () -> sessions.withTransaction(s -> s
                .createNativeQuery("update profile set id = gen_random_uuid() where id = cast(?1 as uuid)")
                .setParameter(1, profileId).executeUpdate()).await().atMost(WAIT)));

        Number kept = sessions.withSession(s -> s.createNativeQuery(
                "select count(*) from finding where profile_id = cast(?1 as uuid)", Long.class)
                .setParameter(1, profileId).getSingleResult()).await().atMost(WAIT);
        assertTrue(kept.longValue() > 0, "the profile's findings are still there");
    }

    private static void assertForeignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCException jdbc) {
                assertEquals("23503", jdbc.getSQLState(), jdbc.getMessage());
                return;
            }
        }
        throw new AssertionError("expected a foreign-key violation from PostgreSQL", e);
    }
}
