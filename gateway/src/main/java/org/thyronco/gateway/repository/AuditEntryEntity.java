package org.thyronco.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One line of the append-only audit trail: who did what to which case, with what outcome. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String subject;

    @Column(name = "client_id")
    public String clientId;

    public String action;
    public String resource;

    @Column(name = "case_id")
    public String caseId;

    public int outcome;

    @Column(name = "correlation_id")
    public String correlationId;
}
