package org.thyronco.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One evidence item as it stands in one release; the searchable fields sit beside the JSON body. */
@Entity
@Table(name = "kb_item")
public class KbItemEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "release_id")
    public Long releaseId;

    @Column(name = "item_id")
    public String itemId;

    public String gene;
    public String alteration;

    @Column(name = "therapy_id")
    public String therapyId;

    public String significance;
    public String level;

    @Column(name = "level_rank")
    public int levelRank;

    public String diseases;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "search_text")
    public String searchText;

    public String body;
}
