package org.thyronco.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A curator's pending change to one evidence item (new, changed, or to be retired). */
@Entity
@Table(name = "draft_item")
public class DraftItemEntity extends PanacheEntityBase {
    @Id
    @Column(name = "item_id")
    public String itemId;

    /** JSON of the item; null when the draft retires the item. */
    public String body;

    public boolean retire;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
