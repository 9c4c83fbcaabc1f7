package org.thyronco.genomics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An asynchronous file intake: its state and progress. */
@Entity
@Table(name = "intake_job")
public class IntakeJobEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public String caseId;

    public String format;

    /** QUEUED, RUNNING, SUCCEEDED or FAILED. */
    public String state;

    @Column(name = "records_read")
    public long recordsRead;

    public long accepted;
    public long rejected;

    /** JSON list of errors (line, column, reason) when FAILED. */
    public String errors;

    @Column(name = "profile_id")
    public UUID profileId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
